// SessionService starts, finds and ends sessions. It makes the token (256
// random bits, shown to the browser once), stores only its hash, and applies
// the idle and absolute timeouts of the account's role.
//
// Thread-safety: stateless apart from its references; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "domain/accounts/session_repository.h"
#include "domain/accounts/user.h"

namespace securebase::domain {

struct StartedSession {
  std::string token;  // for the cookie; never stored
  Session session;
};

class SessionService {
 public:
  SessionService(SessionRepository& sessions, const Clock& clock, SessionTimeouts timeouts)
      : sessions_(sessions), clock_(clock), timeouts_(timeouts) {}

  Result<StartedSession> Start(const User& user, TwoFactorState two_factor);

  // A new token for a session that has just proved more (its two-factor
  // code): the old token stops working, so one seen or planted before the
  // step-up is worth nothing after it. The session keeps its absolute
  // expiry (renewing never makes it live longer); its idle clock restarts.
  Result<StartedSession> Renew(const Session& old, TwoFactorState two_factor);

  // The live session for a token, or nullopt (unknown, expired, malformed).
  // An expired session is deleted; use is recorded at most once a minute so
  // that reads do not each cost a write.
  Result<std::optional<Session>> Resolve(std::string_view token);

  Status End(std::string_view session_id) { return sessions_.Delete(session_id); }
  // Ends the session a browser's token names, expired or not, and returns
  // it (who it belonged to); nullopt when the token names none, which is
  // every value the server never issued.
  Result<std::optional<Session>> EndByToken(std::string_view token);
  Status EndAllFor(std::string_view user_id) { return sessions_.DeleteForUser(user_id, {}); }
  Status EndOthersFor(std::string_view user_id, std::string_view keep_id) {
    return sessions_.DeleteForUser(user_id, keep_id);
  }
  // The account's live sessions (signed-in browsers), most recently used
  // first; expired ones are left out.
  Result<std::vector<Session>> ListFor(std::string_view user_id);
  // Ends one of the account's sessions by its public id (PublicSessionId);
  // false when the account has none with it.
  Result<bool> EndOne(std::string_view user_id, std::string_view public_id);
  Status SetTwoFactor(std::string_view session_id, TwoFactorState state) {
    return sessions_.SetTwoFactor(session_id, state);
  }

  // How long a cookie for this role should live in the browser.
  std::chrono::minutes CookieLifetime(Role role) const { return timeouts_.For(role).absolute; }

 private:
  SessionRepository& sessions_;
  const Clock& clock_;
  SessionTimeouts timeouts_;
};

}  // namespace securebase::domain
