// Login: email and password in, a new session out.
//
// A wrong email and a wrong password get the same answer after the same
// work (an unknown email is checked against a stand-in hash), failures slow
// further attempts (LoginThrottle), and an unconfirmed email gets a fresh
// link instead of a session. The session starts owing a two-factor code
// when the account has a second factor, or owing an enrolment when the
// account is the practitioner's and has none yet.
//
// A log-in always starts a new session under a new token made here, and
// ends the session the browser had before (its cookie), whoever it belonged
// to: on a shared computer, B logging in over A's session must not leave
// A's alive behind B's. A cookie value the server never issued ends nothing
// and never becomes a session, so a planted value cannot be fixed on anyone.
//
// Thread-safety: safe from any thread once constructed.
#pragma once

#include <string>
#include <string_view>

#include "domain/accounts/account_parts.h"
#include "domain/accounts/security_events.h"
#include "domain/accounts/two_factor_repository.h"

namespace securebase::domain {

struct LoginResult {
  User user;
  StartedSession started;
};

class Login {
 public:
  // Computes the stand-in hash: slow, once, at start.
  Login(const AccountParts& parts, TwoFactorRepository& two_factor);

  // `earlier_token`: the session cookie the browser sent, if any; it ends
  // once the log-in succeeds. Refusals, waits and an ended session of
  // another account are reported to `events` (security_events.h).
  Result<LoginResult> LogIn(std::string_view email, std::string_view password,
                            std::string_view address, std::string_view earlier_token = {},
                            SecurityEvents& events = IgnoredSecurityEvents());

  // Checks a signed-in person's password again (before changing their email
  // or password), with the same throttle as log-in. Field errors name `field`.
  Status Reauthenticate(const User& user, std::string_view password, std::string_view address,
                        std::string_view field);

  // Whether an error is Reauthenticate's refusal of a wrong password (not a
  // wait, not other bad input): the handler that asked logs it as a
  // security event, since it knows whose session asked.
  static bool IsWrongPasswordAgain(const Error& error);

 private:
  Result<TwoFactorState> InitialTwoFactor(const User& user);
  Status EndEarlierSession(std::string_view earlier_token, const User& user,
                           SecurityEvents& events);

  const AccountParts& parts_;
  TwoFactorRepository& two_factor_;
  std::string stand_in_hash_;
};

// The refusal for a wrong email or password (the same for both).
std::unexpected<Error> InvalidCredentials();

}  // namespace securebase::domain
