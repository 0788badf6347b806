// In-memory WaitlistRepository for unit tests (the contract of
// storage/sql_waitlist_repository: server/tests/contract/
// waitlist_repository_contract_test.cc).
//
// Thread-safety: safe from any thread.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

#include "domain/scheduling/waitlist_repository.h"

namespace securebase::fakes {

class MemoryWaitlistRepository final : public domain::WaitlistRepository {
 public:
  Status Add(const domain::WaitlistEntry& e) override {
    std::lock_guard lock(mu_);
    for (const auto& r : rows_) {
      if (r.client_id == e.client_id && r.session_type_id == e.session_type_id) {
        return Refuse(ErrorCode::kConflict, "already-waiting", "Already waiting.");
      }
    }
    rows_.push_back(e);
    return {};
  }
  Result<bool> Remove(std::string_view client_id, std::string_view id) override {
    std::lock_guard lock(mu_);
    return std::erase_if(rows_,
                         [&](const auto& r) { return r.client_id == client_id && r.id == id; }) > 0;
  }
  Status RemoveForType(std::string_view client_id, std::string_view type) override {
    std::lock_guard lock(mu_);
    std::erase_if(rows_, [&](const auto& r) {
      return r.client_id == client_id && r.session_type_id == type;
    });
    return {};
  }
  Result<std::vector<domain::WaitlistEntry>> All() override { return Sorted(""); }
  Result<std::vector<domain::WaitlistEntry>> ForClient(std::string_view client_id) override {
    return Sorted(client_id);
  }
  Result<bool> ClaimNotice(std::string_view id, Instant at, Instant not_since) override {
    std::lock_guard lock(mu_);
    for (auto& r : rows_) {
      if (r.id != id || (r.notified_at && *r.notified_at > not_since)) continue;
      r.notified_at = at;
      return true;
    }
    return false;
  }

 private:
  std::vector<domain::WaitlistEntry> Sorted(std::string_view client) {
    std::lock_guard lock(mu_);
    std::vector<domain::WaitlistEntry> out;
    for (const auto& r : rows_) {
      if (client.empty() || r.client_id == client) out.push_back(r);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.joined_at != b.joined_at ? a.joined_at < b.joined_at : a.id < b.id;
    });
    return out;
  }

  std::mutex mu_;
  std::vector<domain::WaitlistEntry> rows_;
};

}  // namespace securebase::fakes
