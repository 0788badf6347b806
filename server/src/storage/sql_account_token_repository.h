// AccountTokenRepository on SQL (SQLite and PostgreSQL through one code
// path). Consume is one conditional UPDATE, so of many requests racing on
// one link exactly one gets the token back.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/accounts/account_token_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlAccountTokenRepository final : public domain::AccountTokenRepository {
 public:
  explicit SqlAccountTokenRepository(Database& db) : db_(db) {}

  Status Create(const domain::AccountToken& token) override;
  Result<std::optional<domain::AccountToken>> Consume(std::string_view id,
                                                      domain::TokenPurpose purpose,
                                                      Instant now) override;
  Status ConsumeAllFor(std::string_view user_id, domain::TokenPurpose purpose,
                       Instant now) override;
  Result<long> DeleteExpired(Instant before) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
