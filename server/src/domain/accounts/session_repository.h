// SessionRepository stores sessions by id (the token's hash). Find returns
// the session with its account's current role.
//
// Implementations: storage/sql_session_repository (SQLite, PostgreSQL) and
// tests/fakes/memory_session_repository; one contract suite.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/accounts/session.h"

namespace securebase::domain {

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;

  virtual Status Create(const Session& session) = 0;
  virtual Result<std::optional<Session>> Find(std::string_view id) = 0;
  // Every stored session of the account, expired or not, most recently
  // used first.
  virtual Result<std::vector<Session>> ForUser(std::string_view user_id) = 0;
  // Records use: last_seen_at and the new idle expiry.
  virtual Status Touch(std::string_view id, Instant last_seen, Instant idle_expires) = 0;
  virtual Status SetTwoFactor(std::string_view id, TwoFactorState state) = 0;
  virtual Status Delete(std::string_view id) = 0;
  // Ends every session of the account except `keep_id` (empty: all).
  virtual Status DeleteForUser(std::string_view user_id, std::string_view keep_id) = 0;
  // Removes sessions whose idle or absolute expiry has passed; how many.
  virtual Result<long> DeleteExpired(Instant now) = 0;
};

}  // namespace securebase::domain
