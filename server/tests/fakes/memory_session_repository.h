// An in-memory SessionRepository: the reference behaviour for the contract
// suite and a fast fake for domain tests.
//
// The SQL repository reads each session with its account's current role
// (joined from users). This fake keeps the role given at Create instead;
// tests that change an account's role call ChangeRole, as the users table
// would. Touch of a session that is gone is a no-op, SetTwoFactor of one
// is kNotFound, Delete and DeleteForUser are idempotent.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "domain/accounts/session_repository.h"

namespace securebase::fakes {

class MemorySessionRepository final : public domain::SessionRepository {
 public:
  Status Create(const domain::Session& session) override {
    std::lock_guard lock(mu_);
    if (sessions_.contains(session.id)) return Fail(ErrorCode::kConflict, "That already exists.");
    sessions_[session.id] = session;
    return {};
  }

  Result<std::optional<domain::Session>> Find(std::string_view id) override {
    std::lock_guard lock(mu_);
    const auto it = sessions_.find(std::string(id));
    if (it == sessions_.end()) return std::nullopt;
    return it->second;
  }

  Result<std::vector<domain::Session>> ForUser(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    std::vector<domain::Session> out;
    for (const auto& [id, s] : sessions_) {
      if (s.user_id == user_id) out.push_back(s);
    }
    std::ranges::sort(out, [](const auto& a, const auto& b) {
      return std::pair(b.last_seen_at, a.id) < std::pair(a.last_seen_at, b.id);
    });
    return out;
  }

  Status Touch(std::string_view id, Instant last_seen, Instant idle_expires) override {
    std::lock_guard lock(mu_);
    const auto it = sessions_.find(std::string(id));
    if (it == sessions_.end()) return {};
    it->second.last_seen_at = last_seen;
    it->second.idle_expires_at = idle_expires;
    return {};
  }

  Status SetTwoFactor(std::string_view id, domain::TwoFactorState state) override {
    std::lock_guard lock(mu_);
    const auto it = sessions_.find(std::string(id));
    if (it == sessions_.end()) return NotFound("This session has ended.");
    it->second.two_factor = state;
    return {};
  }

  Status Delete(std::string_view id) override {
    std::lock_guard lock(mu_);
    sessions_.erase(std::string(id));
    return {};
  }

  Status DeleteForUser(std::string_view user_id, std::string_view keep_id) override {
    std::lock_guard lock(mu_);
    std::erase_if(sessions_, [&](const auto& entry) {
      return entry.second.user_id == user_id && entry.first != keep_id;
    });
    return {};
  }

  Result<long> DeleteExpired(Instant now) override {
    std::lock_guard lock(mu_);
    return static_cast<long>(std::erase_if(sessions_, [&](const auto& entry) {
      return entry.second.idle_expires_at <= now || entry.second.absolute_expires_at <= now;
    }));
  }

  // For tests: the account's role changed (in SQL, an UPDATE of users).
  void ChangeRole(std::string_view user_id, domain::Role role) {
    std::lock_guard lock(mu_);
    for (auto& [id, s] : sessions_) {
      if (s.user_id == user_id) s.role = role;
    }
  }

 private:
  std::mutex mu_;
  std::map<std::string, domain::Session> sessions_;
};

}  // namespace securebase::fakes
