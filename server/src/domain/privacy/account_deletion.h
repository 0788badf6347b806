// AccountDeletion: a learner's right to erasure (docs/privacy.md). The one
// path that `DELETE /api/v1/me` and `securebase delete-user` share.
//
// Order, each step safe to run again if a later one fails: (1) the learner
// proves it is them — the password, checked and throttled like an email
// change (Login::Reauthenticate), and a current code when two-factor is on
// (TwoFactorService::Verify) — the operator needs no proof, having the
// database; (2) the audit row (action account.deleted, the account's id, no
// name or address) is written first, so no deletion goes unrecorded; (3)
// every browser of theirs is signed out, so none books meanwhile, and
// sessions that have not begun are cancelled as the client's cancellation,
// the practitioner told without a name (BookingService::
// CancelForLeavingClient); (4) everything else goes in one transaction
// (AccountEraser), past bookings kept de-identified.
//
// Only learners' accounts are deleted here: the practitioner's and an
// admin's hold the site (kPermissionDenied, "account-not-deletable").
//
// Thread-safety: safe from any thread (state lives in the repositories).
#pragma once

#include <string>
#include <string_view>

#include "domain/accounts/account_parts.h"
#include "domain/accounts/login.h"
#include "domain/accounts/two_factor_service.h"
#include "domain/audit/audit_trail.h"
#include "domain/privacy/account_eraser.h"
#include "domain/scheduling/booking_service.h"

namespace securebase::domain {

// The actor of an operator's deletion in the audit log.
inline constexpr std::string_view kOperatorActor = "operator";

struct DeletionReport {
  long bookings_cancelled = 0;
  long bookings_kept = 0;
};

class AccountDeletion {
 public:
  AccountDeletion(const AccountParts& parts, Login& login, TwoFactorService& two_factor,
                  BookingService& bookings, AuditTrail& audit, AccountEraser& eraser)
      : parts_(parts),
        login_(login),
        two_factor_(two_factor),
        bookings_(bookings),
        audit_(audit),
        eraser_(eraser) {}

  // The signed-in learner's own request. Refusals: kInvalidArgument with a
  // field error on "password" (wrong or missing) or "code" (missing, when
  // two-factor is on); a wrong code as TwoFactorService says; throttled
  // (kTooManyRequests) like log-in. Nothing changes on any refusal.
  Result<DeletionReport> DeleteOwn(const Session& session, std::string_view password,
                                   std::string_view code, std::string_view address);

  // The operator's, for a request made another way (by mail): by email.
  // kNotFound when there is no such account.
  Result<DeletionReport> DeleteByOperator(std::string_view email);

 private:
  Result<DeletionReport> Delete(const User& user, std::string_view actor);

  const AccountParts& parts_;
  Login& login_;
  TwoFactorService& two_factor_;
  BookingService& bookings_;
  AuditTrail& audit_;
  AccountEraser& eraser_;
};

}  // namespace securebase::domain
