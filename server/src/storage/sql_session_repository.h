// SessionRepository on SQL (SQLite and PostgreSQL through one code path).
//
// Find joins users, so a session always carries its account's current role
// (the role in the Session given to Create is not stored). Touch of a
// session that is gone is a no-op (a log-out may race a request);
// SetTwoFactor of one is kNotFound; Delete and DeleteForUser are idempotent.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/accounts/session_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlSessionRepository final : public domain::SessionRepository {
 public:
  explicit SqlSessionRepository(Database& db) : db_(db) {}

  Status Create(const domain::Session& session) override;
  Result<std::optional<domain::Session>> Find(std::string_view id) override;
  Result<std::vector<domain::Session>> ForUser(std::string_view user_id) override;
  Status Touch(std::string_view id, Instant last_seen, Instant idle_expires) override;
  Status SetTwoFactor(std::string_view id, domain::TwoFactorState state) override;
  Status Delete(std::string_view id) override;
  Status DeleteForUser(std::string_view user_id, std::string_view keep_id) override;
  Result<long> DeleteExpired(Instant now) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
