// `securebase user add`: creates an account from the command line, for the
// first practitioner (instead of the web setup) or an admin. The password
// comes on standard input so it never appears in the process list or the
// shell history.
#include <iostream>
#include <string>

#include "app/commands.h"
#include "app/database_setup.h"
#include "domain/accounts/account_service.h"
#include "storage/sql_user_repository.h"

namespace securebase::app {

int RunUserAdd(const Config& config, const UserAddArgs& args) {
  auto role = domain::ParseRole(args.role);
  if (!role) {
    std::cerr << "securebase user add: " << role.error().message << "\n";
    return 2;
  }
  if (!args.password_stdin) {
    std::cerr << "securebase user add: give the password on standard input with --password-stdin\n";
    return 2;
  }
  std::string password;
  std::getline(std::cin, password);
  // Only the line ending is removed: spaces are part of the password.
  if (!password.empty() && password.back() == '\r') password.pop_back();

  MetricsRegistry metrics;
  SystemClock clock;
  auto db = OpenAndMigrate(config, metrics, clock);
  if (!db) {
    std::cerr << "securebase user add: " << db.error().message << "\n";
    return 1;
  }
  storage::SqlUserRepository users(**db);
  const domain::Argon2idPasswordHasher hasher;
  domain::AccountService accounts(users, hasher, clock);
  // An operator creating an account vouches for the address.
  const auto user = accounts.CreateAccount({args.email, password, args.name, *role, args.time_zone,
                                            args.country, /*email_verified=*/true});
  if (!user) {
    std::cerr << "securebase user add: " << user.error().message << "\n";
    for (const auto& f : user.error().fields)
      std::cerr << "  " << f.field << ": " << f.message << "\n";
    return user.error().code == ErrorCode::kInvalidArgument ? 2 : 1;
  }
  std::cout << "Created the " << domain::RoleName(user->role) << " account " << user->email
            << ".\n";
  return 0;
}

}  // namespace securebase::app
