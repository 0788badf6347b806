// Creating accounts: the one path sign-up, first-run setup and
// `securebase user add` share, so every account meets the same rules.
//
// Thread-safety: stateless apart from its references; safe from any thread
// if the repository and hasher are.
#pragma once

#include <string>

#include "common/clock.h"
#include "domain/accounts/password_hasher.h"
#include "domain/accounts/user_repository.h"

namespace securebase::domain {

struct NewAccount {
  std::string email;
  std::string password;
  std::string display_name;
  Role role = Role::kLearner;
  std::string time_zone = "Europe/London";
  std::string country = "GB";
  bool email_verified = false;  // true when an operator vouches (user add)
};

class AccountService {
 public:
  AccountService(UserRepository& users, const PasswordHasher& hasher, const Clock& clock)
      : users_(users), hasher_(hasher), clock_(clock) {}

  // Validates every field (all problems reported together), hashes the
  // password and stores the account. kConflict when the email is taken:
  // fine for an operator at the terminal; the sign-up API must not pass that
  // on (it would tell anyone whether an address is registered).
  Result<User> CreateAccount(const NewAccount& input);

 private:
  UserRepository& users_;
  const PasswordHasher& hasher_;
  const Clock& clock_;
};

}  // namespace securebase::domain
