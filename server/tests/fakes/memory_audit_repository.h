// In-memory AuditRepository for unit tests (the contract of
// storage/sql_audit_repository: server/tests/contract/
// audit_repository_contract_test.cc). `fail_appends` makes Append fail with
// kUnavailable, as a full disk or a lost database would.
//
// Thread-safety: safe from any thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <mutex>
#include <vector>

#include "domain/audit/audit_chain.h"
#include "domain/audit/audit_repository.h"

namespace securebase::fakes {

class MemoryAuditRepository final : public domain::AuditRepository {
 public:
  Status Append(const domain::AuditEntry& e) override {
    if (fail_appends) return Unavailable("The audit log cannot be written.");
    std::lock_guard lock(mu_);
    domain::AuditEntry row = e;
    row.seq = static_cast<std::int64_t>(rows_.size()) + 1;
    row.prev_hash = rows_.empty() ? domain::kAuditChainStart : rows_.back().hash;
    row.hash = domain::ChainHash(row.prev_hash, row);
    rows_.push_back(std::move(row));
    return {};
  }

  Result<std::vector<domain::AuditEntry>> Chain(std::int64_t after, int limit) override {
    std::lock_guard lock(mu_);
    std::vector<domain::AuditEntry> out;
    for (const auto& r : rows_) {
      if (r.seq > after && static_cast<int>(out.size()) < limit) out.push_back(r);
    }
    return out;
  }

  Result<std::pair<std::int64_t, std::string>> Head() override {
    std::lock_guard lock(mu_);
    if (rows_.empty()) return std::pair<std::int64_t, std::string>(0, domain::kAuditChainStart);
    return std::pair<std::int64_t, std::string>(rows_.back().seq, rows_.back().hash);
  }

  Result<std::vector<domain::AuditEntry>> Find(const domain::AuditQuery& q) override {
    std::lock_guard lock(mu_);
    std::vector<domain::AuditEntry> out;
    for (const auto& r : rows_) {
      if (q.actor_id && r.actor_id != *q.actor_id) continue;
      if (q.subject_id && r.subject_id != *q.subject_id) continue;
      if (q.action && r.action != *q.action) continue;
      if (!q.actions.empty() && std::ranges::find(q.actions, r.action) == q.actions.end()) continue;
      if (q.from && r.at < *q.from) continue;
      if (q.to && !(r.at < *q.to)) continue;
      if (q.before && !(std::pair(r.at, r.id) < *q.before)) continue;
      out.push_back(r);
    }
    std::ranges::sort(out, [](const auto& a, const auto& b) {
      return std::pair(a.at, a.id) > std::pair(b.at, b.id);
    });
    if (out.size() > static_cast<std::size_t>(q.limit)) out.resize(q.limit);
    return out;
  }

  std::vector<domain::AuditEntry> rows() const {
    std::lock_guard lock(mu_);
    return rows_;
  }

  std::atomic<bool> fail_appends = false;

 private:
  mutable std::mutex mu_;
  std::vector<domain::AuditEntry> rows_;
};

}  // namespace securebase::fakes
