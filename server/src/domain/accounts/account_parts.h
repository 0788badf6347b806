// AccountParts: the repositories and helpers that the account flows
// (registration, login, passwords, email change, profile, two-factor) share.
// Assembled once by app/ and passed by reference, so that each flow's
// constructor stays one argument long.
//
// Thread-safety: every part is safe to use from any thread.
#pragma once

#include "common/clock.h"
#include "domain/accounts/account_mail.h"
#include "domain/accounts/account_service.h"
#include "domain/accounts/account_token_repository.h"
#include "domain/accounts/login_throttle.h"
#include "domain/accounts/password_hasher.h"
#include "domain/accounts/session_service.h"
#include "domain/accounts/user_repository.h"
#include "domain/notify/outbox_repository.h"

namespace securebase::domain {

struct AccountParts {
  UserRepository& users;
  AccountService& accounts;
  AccountTokenRepository& tokens;
  SessionService& sessions;
  LoginThrottle& throttle;
  OutboxRepository& outbox;
  const AccountMail& mail;
  const PasswordHasher& hasher;
  const Clock& clock;
};

// A new one-time link token of this purpose for the account (only its hash
// is stored). Returns the token for the mail.
Result<std::string> IssueToken(const AccountParts& parts, TokenPurpose purpose,
                               std::string_view user_id, std::string_view new_email = {});

// The refusal for a link that is wrong, used or expired.
std::unexpected<Error> InvalidToken();

}  // namespace securebase::domain
