// AccountTokenRepository stores one-time mail links by id (the token's hash).
//
// Consume is the whole point: it marks a token used and returns it only if
// it exists, has this purpose, is unused and has not expired — atomically,
// so two clicks racing on the same link succeed once.
//
// Implementations: storage/sql_account_token_repository and
// tests/fakes/memory_account_token_repository; one contract suite.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string_view>

#include "common/error.h"
#include "domain/accounts/account_token.h"

namespace securebase::domain {

class AccountTokenRepository {
 public:
  virtual ~AccountTokenRepository() = default;

  virtual Status Create(const AccountToken& token) = 0;
  virtual Result<std::optional<AccountToken>> Consume(std::string_view id, TokenPurpose purpose,
                                                      Instant now) = 0;
  // Marks every unused token of the account with this purpose used (after a
  // reset, the other reset links must stop working).
  virtual Status ConsumeAllFor(std::string_view user_id, TokenPurpose purpose, Instant now) = 0;
  // Deletes every token that expired before `before`, used or not, and
  // returns how many. A change-email token holds the new address, so none
  // is kept for longer than it can explain an old link.
  virtual Result<long> DeleteExpired(Instant before) = 0;
};

}  // namespace securebase::domain
