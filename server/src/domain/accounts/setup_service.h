// First-run setup: while no practitioner exists, the site can be claimed
// once, by whoever holds the setup token that the server printed in its log
// at start (only the operator sees the log). `securebase user add --role
// practitioner` is the command-line alternative.
//
// Only the token's hash is stored (settings key "setup.token.<start of the
// hash>"). Each start while setup is still needed adds a token, and every
// one works until setup is done: with several instances on one database,
// the token in any instance's log must not be undone by another starting. Completing
// setup takes the "setup.completed" setting with PutIfAbsent first, so two
// racing requests (even on two instances) create one practitioner.
//
// Thread-safety: safe from any thread if the repositories are.
#pragma once

#include <optional>
#include <string>

#include "domain/accounts/account_service.h"
#include "domain/settings/settings_repository.h"

namespace securebase::domain {

class SetupService {
 public:
  SetupService(UserRepository& users, SettingsRepository& settings, AccountService& accounts,
               const Clock& clock)
      : users_(users), settings_(settings), accounts_(accounts), clock_(clock) {}

  // True while the site has no practitioner.
  Result<bool> Needed();

  // At start: a fresh token to print when setup is needed, else nullopt.
  Result<std::optional<std::string>> PrepareToken();

  // Creates the practitioner. kPermissionDenied for a wrong token,
  // kConflict once setup is done, kInvalidArgument for bad fields.
  Result<User> Complete(std::string_view token, NewAccount account);

 private:
  UserRepository& users_;
  SettingsRepository& settings_;
  AccountService& accounts_;
  const Clock& clock_;
};

}  // namespace securebase::domain
