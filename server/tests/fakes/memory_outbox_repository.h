// An in-memory OutboxRepository: the reference behaviour for the contract
// suite and a fast fake for the worker's and the domain's tests.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <tuple>

#include "common/random.h"
#include "domain/notify/outbox_repository.h"

namespace securebase::fakes {

class MemoryOutboxRepository final : public domain::OutboxRepository {
 public:
  Status Enqueue(const domain::OutgoingMail& mail) override {
    if (auto ok = domain::ValidateOutgoingMail(mail); !ok) return ok;
    std::lock_guard lock(mu_);
    if (rows_.contains(mail.id)) return Fail(ErrorCode::kConflict, "That already exists.");
    Row row;
    row.record.mail = mail;
    row.record.next_attempt_at = mail.created_at;
    rows_[mail.id] = row;
    return {};
  }

  Result<std::vector<domain::ClaimedMail>> ClaimDue(Instant now, std::chrono::milliseconds lease,
                                                    int limit) override {
    std::lock_guard lock(mu_);
    std::vector<Row*> due;
    for (auto& [id, row] : rows_) {
      if (row.record.status == domain::OutboxStatus::kPending &&
          row.record.next_attempt_at <= now && (!row.lease_until || *row.lease_until <= now)) {
        due.push_back(&row);
      }
    }
    std::sort(due.begin(), due.end(), [](const Row* a, const Row* b) {
      return std::tie(a->record.next_attempt_at, a->record.mail.created_at, a->record.mail.id) <
             std::tie(b->record.next_attempt_at, b->record.mail.created_at, b->record.mail.id);
    });
    std::vector<domain::ClaimedMail> out;
    const std::string claim = NewId();
    for (Row* row : due) {
      if (static_cast<int>(out.size()) >= limit) break;
      row->claim = claim;
      row->lease_until = Instant{now.millis + lease.count()};
      ++row->record.attempts;
      out.push_back({row->record.mail, row->record.attempts, claim});
    }
    return out;
  }

  Status MarkSent(std::string_view id, Instant at) override {
    std::lock_guard lock(mu_);
    const auto it = rows_.find(std::string(id));
    if (it == rows_.end()) return NotFound("There is no such message in the outbox.");
    auto& r = it->second;
    r.record.status = domain::OutboxStatus::kSent;
    r.record.sent_at = at;
    r.record.mail.to.clear();
    r.record.mail.subject.clear();
    r.record.mail.text.clear();
    r.record.mail.calendar.clear();
    r.record.last_error.clear();
    r.claim.clear();
    r.lease_until.reset();
    return {};
  }

  Status MarkRetry(std::string_view id, std::string_view claim, Instant next_attempt,
                   std::string_view reason) override {
    std::lock_guard lock(mu_);
    Row* r = Held(id, claim);
    if (!r) return LeaseLost();
    r->record.next_attempt_at = next_attempt;
    r->record.last_error = domain::ShortReason(reason);
    r->claim.clear();
    r->lease_until.reset();
    return {};
  }

  Status MarkFailed(std::string_view id, std::string_view claim, Instant at,
                    std::string_view reason) override {
    std::lock_guard lock(mu_);
    Row* r = Held(id, claim);
    if (!r) return LeaseLost();
    r->record.status = domain::OutboxStatus::kFailed;
    r->record.failed_at = at;
    r->record.last_error = domain::ShortReason(reason);
    r->claim.clear();
    r->lease_until.reset();
    return {};
  }

  Status Release(std::string_view id, std::string_view claim) override {
    std::lock_guard lock(mu_);
    Row* r = Held(id, claim);
    if (!r) return LeaseLost();
    --r->record.attempts;
    r->claim.clear();
    r->lease_until.reset();
    return {};
  }

  Result<std::optional<domain::OutboxRecord>> Find(std::string_view id) override {
    std::lock_guard lock(mu_);
    const auto it = rows_.find(std::string(id));
    if (it == rows_.end()) return std::nullopt;
    return it->second.record;
  }

  Result<domain::OutboxCounts> Counts() override {
    std::lock_guard lock(mu_);
    domain::OutboxCounts c;
    for (const auto& [id, row] : rows_) {
      switch (row.record.status) {
        case domain::OutboxStatus::kPending: ++c.pending; break;
        case domain::OutboxStatus::kSent: ++c.sent; break;
        case domain::OutboxStatus::kFailed: ++c.failed; break;
      }
    }
    return c;
  }

  Result<long> PurgeSent(Instant before) override {
    std::lock_guard lock(mu_);
    return static_cast<long>(std::erase_if(rows_, [&](const auto& entry) {
      const auto& r = entry.second.record;
      return r.status == domain::OutboxStatus::kSent && r.sent_at && *r.sent_at < before;
    }));
  }

  Result<long> ForgetRecipient(std::string_view address) override {
    std::lock_guard lock(mu_);
    if (address.empty()) return 0L;
    return static_cast<long>(std::erase_if(
        rows_, [&](const auto& entry) { return entry.second.record.mail.to == address; }));
  }

 private:
  struct Row {
    domain::OutboxRecord record;
    std::string claim;
    std::optional<Instant> lease_until;
  };

  Row* Held(std::string_view id, std::string_view claim) {
    const auto it = rows_.find(std::string(id));
    if (it == rows_.end() || claim.empty() || it->second.claim != claim ||
        it->second.record.status != domain::OutboxStatus::kPending) {
      return nullptr;
    }
    return &it->second;
  }

  static Status LeaseLost() {
    return Fail(ErrorCode::kConflict, "This message is no longer held by this worker.");
  }

  std::mutex mu_;
  std::map<std::string, Row> rows_;
};

}  // namespace securebase::fakes
