// An in-memory JournalRepository: the reference behaviour for the contract
// suite and a fast fake for domain tests.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

#include "domain/journal/journal_repository.h"

namespace securebase::fakes {

class MemoryJournalRepository final : public domain::JournalRepository {
 public:
  Result<domain::SavedJournalRecord> Save(const domain::SealedJournalEntry& record) override {
    std::lock_guard lock(mu_);
    for (auto& r : rows_) {
      if (r.user_id != record.user_id || r.id != record.id) continue;
      if (r.kind != record.kind) {
        return domain::SavedJournalRecord{domain::JournalSaveOutcome::kKindDiffers, r};
      }
      const Instant created = r.created_at;
      r = record;
      r.created_at = created;
      return domain::SavedJournalRecord{domain::JournalSaveOutcome::kReplaced, r};
    }
    rows_.push_back(record);
    return domain::SavedJournalRecord{domain::JournalSaveOutcome::kCreated, record};
  }

  Result<std::optional<domain::SealedJournalEntry>> Find(std::string_view user_id,
                                                         std::string_view id) override {
    std::lock_guard lock(mu_);
    for (const auto& r : rows_) {
      if (r.user_id == user_id && r.id == id) return r;
    }
    return std::nullopt;
  }

  Result<bool> Delete(std::string_view user_id, std::string_view id) override {
    std::lock_guard lock(mu_);
    const auto gone = std::erase_if(rows_, [&](const domain::SealedJournalEntry& r) {
      return r.user_id == user_id && r.id == id;
    });
    return gone > 0;
  }

  Result<std::vector<domain::SealedJournalEntry>> All(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    std::vector<domain::SealedJournalEntry> out;
    for (const auto& r : rows_) {
      if (r.user_id == user_id) out.push_back(r);
    }
    std::sort(out.begin(), out.end(),
              [](const domain::SealedJournalEntry& a, const domain::SealedJournalEntry& b) {
                if (a.occurred_at != b.occurred_at) return a.occurred_at > b.occurred_at;
                return a.id > b.id;
              });
    return out;
  }

  Result<std::vector<domain::SealedJournalEntry>> Headers(std::string_view user_id) override {
    auto all = All(user_id);
    for (auto& r : *all) r.sealed_body.clear();
    return all;
  }

  // For tests: changes a stored row in place (as damage to the database
  // would), e.g. to swap sealed bodies. False when there is no such row.
  template <class Change>
  bool Tamper(std::string_view user_id, std::string_view id, Change change) {
    std::lock_guard lock(mu_);
    for (auto& r : rows_) {
      if (r.user_id == user_id && r.id == id) {
        change(r);
        return true;
      }
    }
    return false;
  }

 private:
  mutable std::mutex mu_;
  std::vector<domain::SealedJournalEntry> rows_;
};

}  // namespace securebase::fakes
