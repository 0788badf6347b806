// `securebase user add`: creates an account from the command line, for the
// first practitioner (instead of the web setup) or an admin. The password
// comes on standard input so it never appears in the process list or the
// shell history.
//
// `securebase user reset-two-factor --email E`: turns two-factor sign-in off
// for someone who has lost their phone and their recovery codes, as
// domain/accounts/two_factor_reset.h does it (audit row, sessions ended,
// a mail to them). The mail goes out when the server next runs its outbox.
#include <iostream>
#include <string>

#include "app/command_site.h"
#include "app/commands.h"
#include "app/database_setup.h"
#include "common/log.h"
#include "domain/accounts/account_service.h"
#include "domain/accounts/security_events.h"
#include "domain/accounts/two_factor_reset.h"
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

int RunUserResetTwoFactor(const Config& config, const std::string& email) {
  CommandSite site;
  if (!site.Open(config, "user reset-two-factor", email)) return 1;
  auto& accounts = *site.services->accounts;
  domain::TwoFactorReset reset(accounts.parts, accounts.two_factor_store,
                               site.services->sharing.audit);
  auto report = reset.ResetByOperator(site.user.email);
  if (!report) {
    std::cerr << "securebase user reset-two-factor: " << report.error().message << "\n";
    return 1;
  }
  if (!report->was_on) {
    std::cout << "Two-factor sign-in is not on for " << site.user.email
              << ": nothing was changed.\n";
    return 0;
  }
  // The security event the server's log would carry (operations.md), from
  // the command's own log: no request, so no route or request id.
  Log(LogLevel::kInfo, domain::SecurityEventName(domain::SecurityEvent::kMfaReset),
      {{"account_id", site.user.id}});
  std::cout << "Turned two-factor sign-in off for " << site.user.email
            << ". They were signed out everywhere and will be told by mail; they can log in with "
               "their password and set it up again.\n";
  return 0;
}

}  // namespace securebase::app
