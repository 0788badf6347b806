// TwoFactorReset: the operator turns someone's two-factor sign-in off, for
// the person who lost both their phone and their recovery codes
// (`securebase user reset-two-factor`, docs/operations.md).
//
// In this order: an audit row (`two_factor.reset`, by the operator; if it
// cannot be written nothing changes), the second factor and its codes
// removed, every session of the account ended (a browser signed in by
// whoever holds the lost phone goes too), and a mail to the owner. The
// person then logs in with their password alone, and sets two-factor up
// again (a practitioner is asked to at once).
//
// Thread-safety: safe from any thread (as its parts).
#pragma once

#include <string_view>

#include "domain/accounts/account_parts.h"
#include "domain/accounts/two_factor_repository.h"
#include "domain/audit/audit_trail.h"

namespace securebase::domain {

struct TwoFactorResetReport {
  bool was_on = false;  // false: there was nothing to reset, and nothing changed
};

class TwoFactorReset {
 public:
  TwoFactorReset(const AccountParts& parts, TwoFactorRepository& repo, AuditTrail& audit)
      : parts_(parts), repo_(repo), audit_(audit) {}

  // kNotFound when no account has that email. An enrolment begun but never
  // confirmed is not "on": it is left for its owner to finish or begin again.
  Result<TwoFactorResetReport> ResetByOperator(std::string_view email);

 private:
  const AccountParts& parts_;
  TwoFactorRepository& repo_;
  AuditTrail& audit_;
};

}  // namespace securebase::domain
