// Registration: a learner signs up, confirms their email by the link we
// mail, and may ask for the link again.
//
// Sign-up answers the same way whether or not the address is registered
// (the owner of a registered address gets a mail saying someone tried), and
// costs the same time (the password is hashed either way), so the form
// cannot be used to find out who has an account.
//
// Thread-safety: stateless apart from its references; safe from any thread.
#pragma once

#include "domain/accounts/account_parts.h"

namespace securebase::domain {

class Registration {
 public:
  explicit Registration(const AccountParts& parts) : parts_(parts) {}

  // InvalidArgument with field errors for bad input; otherwise success,
  // whatever happened to the address.
  Status SignUp(NewAccount input);
  Status ResendVerification(std::string_view email);
  Status VerifyEmail(std::string_view token);

 private:
  Status SendVerification(const User& user);

  const AccountParts& parts_;
};

}  // namespace securebase::domain
