// In-memory RateCounterRepository for unit tests (the contract of
// storage/sql_rate_counter_repository: server/tests/contract/
// rate_counter_repository_contract_test.cc).
//
// Thread-safety: safe from any thread.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "domain/limits/rate_counter_repository.h"

namespace securebase::fakes {

class MemoryRateCounterRepository final : public domain::RateCounterRepository {
 public:
  Result<long> Hit(std::string_view key, Instant window_start) override {
    std::lock_guard lock(mu_);
    auto [it, added] = rows_.try_emplace(std::string(key), window_start, 0);
    auto& [start, hits] = it->second;
    if (window_start > start) {
      start = window_start;
      hits = 1;
    } else {
      ++hits;  // the same window, or a lagging clock's earlier one
    }
    return hits;
  }
  Result<long> DeleteOlderThan(Instant before) override {
    std::lock_guard lock(mu_);
    return static_cast<long>(
        std::erase_if(rows_, [&](const auto& row) { return row.second.first < before; }));
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::pair<Instant, long>> rows_;
};

}  // namespace securebase::fakes
