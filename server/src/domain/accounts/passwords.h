// Passwords: forgotten (a one-hour, one-time link by mail), reset with that
// link (every session of the account ends), and changed while signed in
// (the other sessions end; this one continues under a new token).
//
// Asking for a link answers the same whether or not the address has an
// account.
//
// Thread-safety: stateless apart from its references; safe from any thread.
#pragma once

#include "domain/accounts/account_parts.h"
#include "domain/accounts/login.h"
#include "domain/accounts/security_events.h"

namespace securebase::domain {

class Passwords {
 public:
  Passwords(const AccountParts& parts, Login& login) : parts_(parts), login_(login) {}

  Status Forgot(std::string_view email);
  // A reset is reported to `events` with the account the link belonged to.
  Status Reset(std::string_view token, std::string_view new_password,
               SecurityEvents& events = IgnoredSecurityEvents());
  // Returns the session that replaces `session`.
  Result<StartedSession> Change(const Session& session, std::string_view current_password,
                                std::string_view new_password, std::string_view address);

 private:
  const AccountParts& parts_;
  Login& login_;
};

}  // namespace securebase::domain
