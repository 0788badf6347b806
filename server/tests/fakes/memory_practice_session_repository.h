// An in-memory PracticeSessionRepository: the reference behaviour for the
// contract suite and a fast fake for domain tests.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <algorithm>
#include <mutex>
#include <vector>

#include "domain/practice/practice_session_repository.h"

namespace securebase::fakes {

class MemoryPracticeSessionRepository final : public domain::PracticeSessionRepository {
 public:
  Result<domain::SavedPracticeSession> Save(const domain::PracticeSession& session) override {
    std::lock_guard lock(mu_);
    for (const auto& s : rows_) {
      if (s.user_id == session.user_id && s.id == session.id) {
        return domain::SavedPracticeSession{s, false};
      }
    }
    rows_.push_back(session);
    return domain::SavedPracticeSession{session, true};
  }

  Result<std::optional<domain::PracticeSession>> Find(std::string_view user_id,
                                                      std::string_view id) override {
    std::lock_guard lock(mu_);
    for (const auto& s : rows_) {
      if (s.user_id == user_id && s.id == id) return s;
    }
    return std::nullopt;
  }

  Result<std::vector<domain::PracticeSession>> List(std::string_view user_id,
                                                    std::optional<Instant> before,
                                                    std::size_t limit) override {
    auto all = All(user_id);
    std::vector<domain::PracticeSession> out;
    for (auto& s : *all) {
      if (out.size() == limit) break;
      if (before && s.started_at >= *before) continue;
      out.push_back(std::move(s));
    }
    return out;
  }

  Result<std::vector<domain::PracticeSession>> All(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    std::vector<domain::PracticeSession> out;
    for (const auto& s : rows_) {
      if (s.user_id == user_id) out.push_back(s);
    }
    std::sort(out.begin(), out.end(),
              [](const domain::PracticeSession& a, const domain::PracticeSession& b) {
                if (a.started_at != b.started_at) return a.started_at > b.started_at;
                return a.id > b.id;
              });
    return out;
  }

  // The number of stored sessions, everyone's (for tests of idempotency).
  std::size_t size() const {
    std::lock_guard lock(mu_);
    return rows_.size();
  }

 private:
  mutable std::mutex mu_;
  std::vector<domain::PracticeSession> rows_;
};

}  // namespace securebase::fakes
