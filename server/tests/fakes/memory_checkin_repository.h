// An in-memory CheckinRepository: the reference behaviour for the contract
// suite and a fast fake for domain tests.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "domain/assessment/checkin_repository.h"

namespace securebase::fakes {

class MemoryCheckinRepository final : public domain::CheckinRepository {
 public:
  Result<domain::SavedCheckin> Save(const domain::Checkin& checkin) override {
    std::lock_guard lock(mu_);
    for (const auto& c : rows_) {
      if (checkin.idempotency_key && c.user_id == checkin.user_id &&
          c.idempotency_key == checkin.idempotency_key) {
        return domain::SavedCheckin{c, false};
      }
      if (c.id == checkin.id) return Fail(ErrorCode::kConflict, "That already exists.");
    }
    rows_.push_back(checkin);
    return domain::SavedCheckin{checkin, true};
  }

  Result<std::optional<domain::Checkin>> Find(std::string_view user_id,
                                              std::string_view id) override {
    std::lock_guard lock(mu_);
    for (const auto& c : rows_) {
      if (c.id == id && c.user_id == user_id) return c;
    }
    return std::nullopt;
  }

  Result<std::vector<domain::Checkin>> List(
      std::string_view user_id, std::optional<std::string_view> questionnaire_id) override {
    std::lock_guard lock(mu_);
    std::vector<domain::Checkin> out;
    for (const auto& c : rows_) {
      if (c.user_id != user_id) continue;
      if (questionnaire_id && c.questionnaire_id != *questionnaire_id) continue;
      out.push_back(c);
    }
    std::sort(out.begin(), out.end(), [](const domain::Checkin& a, const domain::Checkin& b) {
      if (a.taken_at != b.taken_at) return a.taken_at > b.taken_at;
      return a.id > b.id;
    });
    return out;
  }

  Result<std::vector<domain::Checkin>> LatestPerPerson(std::string_view questionnaire_id) override {
    std::lock_guard lock(mu_);
    std::map<std::string, domain::Checkin> latest;
    for (const auto& c : rows_) {
      if (c.questionnaire_id != questionnaire_id) continue;
      auto [kept, fresh] = latest.try_emplace(c.user_id, c);
      if (!fresh && (kept->second.taken_at < c.taken_at ||
                     (kept->second.taken_at == c.taken_at && kept->second.id < c.id))) {
        kept->second = c;
      }
    }
    std::vector<domain::Checkin> out;
    for (auto& [user, c] : latest) out.push_back(std::move(c));
    return out;
  }

  // The number of stored check-ins (for tests of idempotency).
  std::size_t size() const {
    std::lock_guard lock(mu_);
    return rows_.size();
  }

 private:
  mutable std::mutex mu_;
  std::vector<domain::Checkin> rows_;
};

}  // namespace securebase::fakes
