// AccountsWiring: builds the accounts part of the server — repositories on
// the open database, the key for sealed secrets, and the flows — in the
// order they depend on each other, and keeps them alive while serving.
//
// Thread-safety: built once at start; the parts are then safe from any
// thread.
#pragma once

#include <memory>
#include <optional>

#include "api/api_context.h"
#include "app/config.h"
#include "common/secret_box.h"
#include "jobs/ticker.h"
#include "storage/database.h"
#include "storage/sql_account_token_repository.h"
#include "storage/sql_login_throttle_repository.h"
#include "storage/sql_outbox_repository.h"
#include "storage/sql_session_repository.h"
#include "storage/sql_two_factor_repository.h"
#include "storage/sql_user_repository.h"

namespace securebase::app {

class AccountsWiring {
 public:
  // Loads the keys (app/secret_keys.h); fails when the key file cannot be
  // read or made (the message says how to fix it).
  static Result<std::unique_ptr<AccountsWiring>> Create(const Config& config, storage::Database& db,
                                                        const Clock& clock);

  api::AccountsApi Api();
  // Removes expired sessions now and then.
  void AddJobs(jobs::Ticker& ticker);

  AccountsWiring(const Config& config, storage::Database& db, const Clock& clock, SecretBox box);

  SecretBox box;
  storage::SqlUserRepository users;
  storage::SqlSessionRepository session_store;
  storage::SqlAccountTokenRepository tokens;
  storage::SqlTwoFactorRepository two_factor_store;
  storage::SqlLoginThrottleRepository throttle_store;
  storage::SqlOutboxRepository outbox;
  domain::Argon2idPasswordHasher hasher;
  domain::AccountService account_service;
  domain::SessionService sessions;
  domain::LoginThrottle throttle;
  domain::AccountMail mail;
  domain::AccountParts parts;
  domain::Registration registration;
  domain::Login login;
  domain::Passwords passwords;
  domain::EmailChange email_change;
  domain::TwoFactorService two_factor;
};

}  // namespace securebase::app
