// RateCounterRepository on SQL (SQLite and PostgreSQL): table rate_counters
// (migration 0019). A hit is one upsert that returns the new count, so
// concurrent hits from every instance are all counted.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/limits/rate_counter_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlRateCounterRepository final : public domain::RateCounterRepository {
 public:
  explicit SqlRateCounterRepository(Database& db) : db_(db) {}

  Result<long> Hit(std::string_view key, Instant window_start) override;
  Result<long> DeleteOlderThan(Instant before) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
