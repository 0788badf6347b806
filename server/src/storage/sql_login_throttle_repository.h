// LoginThrottleRepository on SQL (SQLite and PostgreSQL through one code
// path). RecordFailure is one upsert, so failures from several server
// instances at once are all counted.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/accounts/login_throttle_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlLoginThrottleRepository final : public domain::LoginThrottleRepository {
 public:
  explicit SqlLoginThrottleRepository(Database& db) : db_(db) {}

  Result<std::optional<domain::FailureRecord>> Get(std::string_view key) override;
  Result<domain::FailureRecord> RecordFailure(std::string_view key, Instant now,
                                              Instant forget_before) override;
  Status Clear(std::string_view key) override;
  Result<long> DeleteOlderThan(Instant before) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
