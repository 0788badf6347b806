// The securebase subcommands. Each returns the process exit code:
// 0 success, 1 the work failed, 2 the configuration or arguments are wrong.
#pragma once

#include <cstddef>
#include <string>

#include "app/config.h"

namespace securebase::app {

int RunServe(const Config& config);
int RunMigrate(const Config& config);
int RunContentCheck(const std::string& dir);
int RunContentImport(const Config& config, const std::string& dir);
// `keys rotate [--batch N]` and `keys status` (app/keys_command.cc).
int RunKeysRotate(const Config& config, std::size_t batch);
int RunKeysStatus(const Config& config);
// `backup FILE` and `restore FILE [--force]` (app/backup_command.cc).
int RunBackup(const Config& config, const std::string& file);
int RunRestore(const Config& config, const std::string& file, bool force);
// `audit verify` (app/audit_command.cc): 0 intact, 1 altered or unreadable.
int RunAuditVerify(const Config& config, const std::string& expect);
// `migrate-data --from sqlite://… --to postgresql://…` (app/migrate_data_command.cc): 2 when the
// target holds data or the two do not fit together.
int RunMigrateData(const std::string& from, const std::string& to);

// `export-user EMAIL --out FILE` and `delete-user EMAIL [--yes]`
// (app/data_rights_commands.cc).
int RunExportUser(const Config& config, const std::string& email, const std::string& out);
int RunDeleteUser(const Config& config, const std::string& email, bool yes);

struct UserAddArgs {
  std::string email;
  std::string role;
  std::string name;
  std::string time_zone = "Europe/London";
  std::string country = "GB";
  bool password_stdin = false;
};
int RunUserAdd(const Config& config, const UserAddArgs& args);
// `user reset-two-factor --email E`: 0 reset (or nothing was on), 1 no such account or the work
// failed.
int RunUserResetTwoFactor(const Config& config, const std::string& email);

}  // namespace securebase::app
