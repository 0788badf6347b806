// Session: one signed-in browser. The browser holds a 256-bit random token
// in a cookie; the server keeps only the token's hash (the session's id), so
// a copy of the database cannot be used to sign in as anyone.
//
// A session ends when it has been idle too long or has lived too long
// (timeouts per role, SessionTimeouts), at log-out, or when the account's
// password is reset or changed.
//
// Thread-safety: plain values.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/error.h"
#include "domain/accounts/user.h"

namespace securebase::domain {

// Where a session stands with two-factor sign-in.
enum class TwoFactorState {
  kNotRequired,         // the account has no second factor (learners may choose)
  kPending,             // password given; the code is still owed
  kEnrollmentRequired,  // a practitioner without a second factor yet: enrol first
  kPassed,              // the code was given
};

const char* TwoFactorStateName(TwoFactorState state);
Result<TwoFactorState> ParseTwoFactorState(std::string_view name);

// May this session do more than finish signing in?
inline bool SignInComplete(TwoFactorState state) {
  return state == TwoFactorState::kNotRequired || state == TwoFactorState::kPassed;
}

struct Session {
  std::string id;  // HashToken(token)
  std::string user_id;
  Role role = Role::kLearner;  // the account's role (read with the session)
  TwoFactorState two_factor = TwoFactorState::kNotRequired;
  Instant created_at;
  Instant last_seen_at;
  Instant idle_expires_at;      // moves forward with use
  Instant absolute_expires_at;  // fixed at log-in
};

// How a session is named to its owner (the sessions list, ending one): the
// first 16 hex characters of its id. The id is the hash of the cookie's
// token, so this names the session without revealing anything that would
// let someone use it.
inline std::string PublicSessionId(std::string_view session_id) {
  return std::string(session_id.substr(0, 16));
}

// Has it run out, idle or in all?
inline bool Expired(const Session& s, Instant now) {
  return now >= s.idle_expires_at || now >= s.absolute_expires_at;
}

// How long a session may be idle, and live at all, for one role.
struct SessionLifetime {
  std::chrono::minutes idle;
  std::chrono::minutes absolute;
};

// Defaults from issue #3; docs/privacy.md gives the reasoning. A learner
// returns to the course over weeks; the practitioner's console shows many
// people's data, so it locks soon.
struct SessionTimeouts {
  SessionLifetime learner{std::chrono::hours(24 * 14), std::chrono::hours(24 * 30)};
  SessionLifetime practitioner{std::chrono::minutes(30), std::chrono::hours(12)};

  const SessionLifetime& For(Role role) const {
    return role == Role::kLearner ? learner : practitioner;
  }
};

}  // namespace securebase::domain
