// TwoFactorService: a second factor for signing in — an authenticator app's
// six-digit codes (TOTP, RFC 6238) with ten one-time recovery codes for the
// day the phone is lost.
//
// Enrolment happens in two steps so nobody is locked out by a mistyped
// secret: Enroll makes a secret and codes (shown once), Confirm switches it
// on when the first code from the app matches. The secret is sealed with
// the server's key (SecretBox) before it is stored; recovery codes are kept
// only as hashes. A code works once (the last used time step is stored), and
// wrong codes are throttled like wrong passwords.
//
// Beginning an enrolment asks for the current password again, as email and
// password changes do (ASVS re-authentication): a borrowed or stolen session
// must not be able to put its own authenticator on the account and lock its
// owner out. Making new recovery codes asks for it too, for the same reason.
//
// The owner is told by mail when two-factor is turned on, when a recovery
// code lets someone in (and how many are left), and when new codes are made;
// never with a code in the mail. (Turning it off is the operator's:
// domain/accounts/two_factor_reset.h.)
//
// Thread-safety: safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "common/secret_box.h"
#include "domain/accounts/account_parts.h"
#include "domain/accounts/login.h"
#include "domain/accounts/two_factor_repository.h"

namespace securebase::domain {

struct Enrollment {
  std::string secret;       // base32, for typing into an app
  std::string otpauth_uri;  // for the QR code
  std::vector<std::string> recovery_codes;
};

struct TwoFactorStatus {
  bool enrolled = false;  // confirmed
  long recovery_codes_left = 0;
};

class TwoFactorService {
 public:
  TwoFactorService(const AccountParts& parts, Login& login, TwoFactorRepository& repo,
                   const SecretBox& box, std::string issuer)
      : parts_(parts), login_(login), repo_(repo), box_(box), issuer_(std::move(issuer)) {}

  // kInvalidArgument (field "current_password") when the password is wrong,
  // throttled like a log-in; kConflict when the account already has a
  // confirmed second factor.
  Result<Enrollment> Enroll(const Session& session, std::string_view current_password,
                            std::string_view address);
  // Switches the enrolment on. The session has then passed two-factor, under
  // a new token (SessionService::Renew): the old one no longer works.
  Result<StartedSession> Confirm(const Session& session, std::string_view code,
                                 std::string_view address);
  // Checks a code (six digits, or a recovery code) for a session that owes
  // one; passed, the session goes on under a new token, as for Confirm.
  Result<StartedSession> Verify(const Session& session, std::string_view code,
                                std::string_view address);
  Result<TwoFactorStatus> StatusFor(std::string_view user_id);
  // Ten new recovery codes (shown once) in place of all the old ones, used
  // or not. Password refusals as for Enroll; kConflict "no-enrollment" when
  // two-factor sign-in is not on.
  Result<std::vector<std::string>> RenewRecoveryCodes(const Session& session,
                                                      std::string_view current_password,
                                                      std::string_view address);

 private:
  Result<std::string> OpenSecret(const TwoFactorEnrollment& enrollment);

  const AccountParts& parts_;
  Login& login_;
  TwoFactorRepository& repo_;
  const SecretBox& box_;
  std::string issuer_;
};

// The refusal for a wrong, old or reused code.
std::unexpected<Error> InvalidCode();

}  // namespace securebase::domain
