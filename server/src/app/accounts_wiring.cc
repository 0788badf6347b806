#include "app/accounts_wiring.h"

#include <chrono>

#include "app/secret_keys.h"
#include "domain/accounts/login_throttle.h"

namespace securebase::app {
namespace {

// Expired links are deleted a week after they expire, not at once: room to
// tell someone who clicks an old link that it expired. (Today every refused
// link gets the same answer, so nothing depends on the week yet.)
constexpr std::chrono::days kKeepExpiredLinks{7};

Instant Before(const Clock& clock, std::chrono::milliseconds age) {
  return Instant{clock.Now().millis - age.count()};
}

domain::SessionTimeouts TimeoutsFrom(const Config& c) {
  using std::chrono::minutes;
  domain::SessionTimeouts t;
  t.learner = {minutes(c.session_learner_idle_minutes),
               minutes(c.session_learner_absolute_minutes)};
  t.practitioner = {minutes(c.session_practitioner_idle_minutes),
                    minutes(c.session_practitioner_absolute_minutes)};
  return t;
}

}  // namespace

Result<std::unique_ptr<AccountsWiring>> AccountsWiring::Create(const Config& config,
                                                               storage::Database& db,
                                                               const Clock& clock) {
  auto box = LoadOrCreateSecretKeys(config);
  if (!box) return std::unexpected(box.error());
  return std::make_unique<AccountsWiring>(config, db, clock, std::move(*box));
}

AccountsWiring::AccountsWiring(const Config& config, storage::Database& db, const Clock& clock,
                               SecretBox secret_box)
    : box(std::move(secret_box)),
      users(db),
      session_store(db),
      tokens(db),
      two_factor_store(db),
      throttle_store(db),
      outbox(db),
      account_service(users, hasher, clock),
      sessions(session_store, clock, TimeoutsFrom(config)),
      throttle(throttle_store, clock),
      mail(config.PublicUrl(), clock),
      parts{users, account_service, tokens, sessions, throttle, outbox, mail, hasher, clock},
      registration(parts),
      login(parts, two_factor_store),
      passwords(parts, login),
      email_change(parts, login),
      two_factor(parts, login, two_factor_store, box, "Secure Base") {}

api::AccountsApi AccountsWiring::Api() {
  return api::AccountsApi{parts, registration, login, passwords, email_change, two_factor};
}

void AccountsWiring::AddJobs(jobs::Ticker& ticker) {
  ticker.Add("sessions.delete_expired", std::chrono::minutes(15), [this]() -> Status {
    auto removed = session_store.DeleteExpired(parts.clock.Now());
    if (!removed) return std::unexpected(removed.error());
    return {};
  });
  ticker.Add("account_tokens.delete_expired", std::chrono::hours(1), [this]() -> Status {
    auto removed = tokens.DeleteExpired(Before(parts.clock, kKeepExpiredLinks));
    if (!removed) return std::unexpected(removed.error());
    return {};
  });
  ticker.Add("login_failures.delete_old", std::chrono::hours(1), [this]() -> Status {
    auto removed =
        throttle_store.DeleteOlderThan(Before(parts.clock, domain::kForgetFailuresAfter));
    if (!removed) return std::unexpected(removed.error());
    return {};
  });
}

}  // namespace securebase::app
