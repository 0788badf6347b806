// AccountWorld: every account flow assembled on in-memory fakes, with a
// FakeClock and cheap argon2id parameters, for domain tests and the routes ×
// roles access test. The SQL repositories pass the same contract suites as
// these fakes, so what holds here holds on SQLite and PostgreSQL.
//
// Thread-safety: as the parts; tests use it from one thread.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/random.h"
#include "common/secret_box.h"
#include "domain/accounts/account_parts.h"
#include "domain/accounts/email_change.h"
#include "domain/accounts/login.h"
#include "domain/accounts/passwords.h"
#include "domain/accounts/registration.h"
#include "domain/accounts/two_factor_service.h"
#include "fakes/memory_account_token_repository.h"
#include "fakes/memory_login_throttle_repository.h"
#include "fakes/memory_outbox_repository.h"
#include "fakes/memory_session_repository.h"
#include "fakes/memory_two_factor_repository.h"
#include "fakes/memory_user_repository.h"

namespace securebase::testing {

inline SecretBox TestSecretBox() {
  const auto dir = std::filesystem::temp_directory_path() / ("sb-box-" + RandomHex(8));
  std::filesystem::create_directories(dir);
  auto box = SecretBox::LoadOrCreate(dir / "secret.key");
  std::filesystem::remove_all(dir);
  return std::move(*box);
}

struct AccountWorld {
  AccountWorld() : box(TestSecretBox()) {}

  // Mail put in the outbox since the last call, oldest first.
  std::vector<domain::OutgoingMail> TakeMail() {
    std::vector<domain::OutgoingMail> out;
    auto claimed = outbox.ClaimDue(Instant{clock.Now().millis + 365LL * 24 * 3600 * 1000},
                                   std::chrono::hours(24 * 366), 1000);
    if (!claimed) return out;
    for (auto& c : *claimed) {
      (void)outbox.MarkSent(c.mail.id, clock.Now());
      out.push_back(std::move(c.mail));
    }
    return out;
  }

  // The token in the last link of `mail` ("...?token=<hex>").
  static std::string TokenIn(const domain::OutgoingMail& mail) {
    const auto at = mail.text.rfind("token=");
    if (at == std::string::npos) return {};
    std::string token;
    for (std::size_t i = at + 6; i < mail.text.size() && std::isxdigit(mail.text[i]); ++i)
      token += mail.text[i];
    return token;
  }

  // A verified learner (or practitioner) with this password.
  domain::User AddUser(std::string email, domain::Role role = domain::Role::kLearner,
                       std::string password = "a long and gentle password") {
    auto user = account_service.CreateAccount(
        {std::move(email), std::move(password), "Sam", role, "Europe/London", "GB", true});
    return *user;
  }

  FakeClock clock{Instant{1'800'000'000'000}};
  SecretBox box;
  fakes::MemoryUserRepository users;
  fakes::MemorySessionRepository session_store;
  fakes::MemoryAccountTokenRepository tokens;
  fakes::MemoryTwoFactorRepository two_factor_store;
  fakes::MemoryLoginThrottleRepository throttle_store;
  fakes::MemoryOutboxRepository outbox;
  domain::Argon2idPasswordHasher hasher{domain::Argon2idParameters{1, 8u * 1024u}};
  domain::AccountService account_service{users, hasher, clock};
  domain::SessionService sessions{session_store, clock, domain::SessionTimeouts{}};
  domain::LoginThrottle throttle{throttle_store, clock};
  domain::AccountMail mail{"https://care.example.org/", clock};
  domain::AccountParts parts{users, account_service, tokens, sessions, throttle, outbox,
                             mail,  hasher,          clock};
  domain::Registration registration{parts};
  domain::Login login{parts, two_factor_store};
  domain::Passwords passwords{parts, login};
  domain::EmailChange email_change{parts, login};
  domain::TwoFactorService two_factor{parts, login, two_factor_store, box, "Secure Base"};
};

}  // namespace securebase::testing
