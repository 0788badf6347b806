// SecurityEvent: something that happened to an account, or to a request on
// its way to one, that the operator may need to see or alert on: refused
// log-ins and codes, waits, a recovery code used, credentials changed,
// sessions ended by someone else, an account deleted. The names are stable
// (dashboards and alerts match them) and each is documented in
// docs/operations.md; one enum holds them all so the table and the code
// cannot drift apart.
//
// Where an event is recorded. The HTTP layer writes the log line, because
// only it knows the request (its id and route); the domain knows neither. So
// a handler records what its own result shows, with the account from the
// caller's session (a wrong code, a changed password, a deletion). Some
// facts only the domain sees: which account an anonymous log-in, reset link
// or email link belonged to, and whose session a log-in ended. For those the
// handler passes its SecurityEvents to the domain call, which reports
// through this small interface (rather than growing every Result with the
// account id) at the moment it happens.
//
// An event carries the account's id (ids are allowed in logs) and never an
// email, a name, a token, a code or a password: Record takes nothing else.
//
// Thread-safety: SecurityEventName is pure. A SecurityEvents belongs to one
// request; implementations need not be shared between threads, but Record
// may be called on a pool thread while the request waits.
#pragma once

#include <string_view>

namespace securebase::domain {

enum class SecurityEvent {
  kLoginFailed,           // wrong email or password at log-in
  kLoginThrottled,        // a log-in refused because of earlier failures (wait)
  kSessionReplaced,       // a log-in ended the browser's earlier session of another account
  kMfaCodeWrong,          // a wrong, old or reused two-factor code
  kMfaThrottled,          // a code refused because of earlier wrong ones (wait)
  kRecoveryCodeUsed,      // a recovery code took the place of an authenticator code
  kMfaEnabled,            // two-factor confirmed and switched on
  kPasswordChanged,       // changed while signed in (other sessions ended)
  kPasswordReset,         // reset by a mailed link (every session ended)
  kEmailChanged,          // a new address confirmed by its link
  kSessionsRevoked,       // the owner ended one or all of their other sessions
  kAccountDeleted,        // the owner deleted their account
  kRecoveryCodesRenewed,  // the owner made a new set of recovery codes (the old ones ended)
  kMfaReset,              // the operator turned two-factor off (securebase user reset-two-factor)
  kPasswordAgainWrong,    // a wrong password where a signed-in person is asked for it again
  kCsrfRefused,           // a state-changing request without our page's token or origin
  // New events go above kCsrfRefused, which stays last: tests walk every
  // value up to it.
};

// "security.login_failed" and so on: the log line's event name.
const char* SecurityEventName(SecurityEvent event);

// True for refusals (logged as warnings: a run of them is worth a look);
// false for changes that went through (logged as info).
bool IsRefusal(SecurityEvent event);

class SecurityEvents {
 public:
  virtual ~SecurityEvents() = default;
  // `account_id` is empty when no account is known (an unknown email).
  virtual void Record(SecurityEvent event, std::string_view account_id) = 0;
};

// For callers with nowhere to report (unit tests of other rules, the CLI).
SecurityEvents& IgnoredSecurityEvents();

}  // namespace securebase::domain
