// EmailChange: a signed-in person moves their account to a new address. They
// give their password again; the new address must be confirmed by a link
// mailed to it (the old address is told); until then nothing changes.
//
// When the new address belongs to another account the answer is the same
// (its owner gets a note instead), so this cannot reveal who has an account.
//
// Thread-safety: stateless apart from its references; safe from any thread.
#pragma once

#include "domain/accounts/account_parts.h"
#include "domain/accounts/login.h"
#include "domain/accounts/security_events.h"

namespace securebase::domain {

class EmailChange {
 public:
  EmailChange(const AccountParts& parts, Login& login) : parts_(parts), login_(login) {}

  Status Request(std::string_view user_id, std::string_view password,
                 std::string_view new_email, std::string_view address);
  // The new address, now the account's; the change is reported to `events`
  // with the account the link belonged to.
  Result<std::string> Confirm(std::string_view token,
                              SecurityEvents& events = IgnoredSecurityEvents());

 private:
  const AccountParts& parts_;
  Login& login_;
};

}  // namespace securebase::domain
