// An in-memory LoginThrottleRepository: the reference behaviour for the
// contract suite and a fast fake for domain tests.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "domain/accounts/login_throttle_repository.h"

namespace securebase::fakes {

class MemoryLoginThrottleRepository final : public domain::LoginThrottleRepository {
 public:
  Result<std::optional<domain::FailureRecord>> Get(std::string_view key) override {
    std::lock_guard lock(mu_);
    const auto it = records_.find(std::string(key));
    if (it == records_.end()) return std::nullopt;
    return it->second;
  }

  Result<domain::FailureRecord> RecordFailure(std::string_view key, Instant now,
                                              Instant forget_before) override {
    std::lock_guard lock(mu_);
    const auto [it, inserted] = records_.try_emplace(std::string(key));
    domain::FailureRecord& r = it->second;
    if (inserted || r.last_failure_at < forget_before)
      r.failures = 1;
    else
      ++r.failures;
    r.last_failure_at = now;
    return r;
  }

  Status Clear(std::string_view key) override {
    std::lock_guard lock(mu_);
    records_.erase(std::string(key));
    return {};
  }

  Result<long> DeleteOlderThan(Instant before) override {
    std::lock_guard lock(mu_);
    return static_cast<long>(std::erase_if(
        records_, [&](const auto& entry) { return entry.second.last_failure_at < before; }));
  }

 private:
  std::mutex mu_;
  std::map<std::string, domain::FailureRecord> records_;
};

}  // namespace securebase::fakes
