// securebase: one binary for the whole practice. main only parses the
// command line and hands over to the subcommand.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>

#include "app/commands.h"
#include "app/config.h"
#include "common/log.h"
#include "common/random.h"

namespace {

using securebase::app::Config;
using securebase::app::Overrides;

struct ServerFlags {
  std::string config_file;
  Overrides overrides;
};

// The flags of DESIGN.md §8, each the twin of a config key.
void AddServerFlags(CLI::App* cmd, ServerFlags& flags) {
  cmd->add_option("--config", flags.config_file, "TOML config file (or SECUREBASE_CONFIG)");
  for (const auto& [flag, key] :
       std::initializer_list<std::pair<const char*, const char*>>{{"--listen", "listen"},
                                                                  {"--database", "database"},
                                                                  {"--data-dir", "data_dir"},
                                                                  {"--content", "content"},
                                                                  {"--web-dir", "web_dir"},
                                                                  {"--threads", "threads"}}) {
    cmd->add_option_function<std::string>(
        flag, [&flags, key = std::string(key)](const std::string& v) { flags.overrides[key] = v; },
        std::string("sets ") + key);
  }
}

std::optional<Config> Load(const ServerFlags& flags) {
  std::string file = flags.config_file;
  if (file.empty()) {
    // Read before any thread starts.
    const char* env = std::getenv("SECUREBASE_CONFIG");  // NOLINT(concurrency-mt-unsafe)
    if (env) file = env;
  }
  auto config =
      securebase::app::LoadConfig(file, securebase::app::ProcessEnvironment(), flags.overrides);
  if (!config) {
    std::cerr << "securebase: " << config.error().message << "\n";
    return std::nullopt;
  }
  securebase::LogLevel level = securebase::LogLevel::kInfo;
  securebase::ParseLogLevel(config->log_level, level);
  securebase::ConfigureLogging(level, config->log_format == "json");
  return std::move(*config);
}

}  // namespace

int main(int argc, char** argv) {
  if (!securebase::InitRandom()) {
    std::cerr << "securebase: the system's random number source is not available\n";
    return 1;
  }
  CLI::App app{
      "Secure Base: course, practices, journal and booking for an attachment-focused practice"};
  app.require_subcommand(1);

  ServerFlags serve_flags;
  auto* serve = app.add_subcommand("serve", "Serve the app and the API");
  AddServerFlags(serve, serve_flags);

  ServerFlags migrate_flags;
  auto* migrate = app.add_subcommand("migrate", "Bring the database schema up to date");
  AddServerFlags(migrate, migrate_flags);

  auto* content = app.add_subcommand("content", "Work with the content folder");
  content->require_subcommand(1);
  std::string check_dir;
  ServerFlags check_flags;
  auto* check = content->add_subcommand("check", "Validate the content without serving");
  check->add_option("dir", check_dir, "Content folder (default: the configured one)");
  AddServerFlags(check, check_flags);
  std::string import_dir;
  ServerFlags import_flags;
  auto* import = content->add_subcommand(
      "import", "Check a content folder, make it the served one, and reload running servers");
  import->add_option("dir", import_dir, "Folder to import")->required();
  AddServerFlags(import, import_flags);

  ServerFlags user_flags;
  securebase::app::UserAddArgs user_args;
  auto* user = app.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create an account (password on standard input)");
  user_add->add_option("--email", user_args.email, "Email address")->required();
  user_add->add_option("--role", user_args.role, "learner, practitioner or admin")->required();
  user_add->add_option("--name", user_args.name, "Display name (default: the part before the @)");
  user_add->add_option("--time-zone", user_args.time_zone, "IANA time zone")->capture_default_str();
  user_add->add_option("--country", user_args.country, "Two-letter country code")
      ->capture_default_str();
  user_add->add_flag("--password-stdin", user_args.password_stdin,
                     "Read the password from standard input");
  AddServerFlags(user_add, user_flags);
  ServerFlags reset_flags;
  std::string reset_email;
  auto* reset_two_factor = user->add_subcommand(
      "reset-two-factor",
      "Turn two-factor sign-in off for someone who lost their phone and their recovery codes: "
      "their sessions end, the audit log records it and they are told by mail. Check who is "
      "asking first (docs/operations.md)");
  reset_two_factor->add_option("--email", reset_email, "The account's email address")->required();
  AddServerFlags(reset_two_factor, reset_flags);

  auto* keys = app.add_subcommand("keys", "Work with the encryption keys");
  keys->require_subcommand(1);
  ServerFlags rotate_flags;
  std::size_t rotate_batch = 500;
  auto* rotate = keys->add_subcommand(
      "rotate",
      "Make a new encryption key and re-seal everything with it (or finish a stopped rotation)");
  rotate->add_option("--batch", rotate_batch, "Values re-sealed per transaction")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  AddServerFlags(rotate, rotate_flags);
  ServerFlags status_flags;
  auto* status =
      keys->add_subcommand("status", "Show the current key and which key each table's values use");
  AddServerFlags(status, status_flags);

  ServerFlags backup_flags;
  std::string backup_file;
  auto* backup = app.add_subcommand(
      "backup", "Copy the SQLite database to FILE while the server runs (not the key file)");
  backup->add_option("file", backup_file, "Where to write the backup (must not exist)")->required();
  AddServerFlags(backup, backup_flags);
  ServerFlags restore_flags;
  std::string restore_file;
  bool restore_force = false;
  auto* restore = app.add_subcommand("restore", "Put a backup made by `backup` back in place");
  restore->add_option("file", restore_file, "The backup to restore")->required();
  restore->add_flag("--force", restore_force, "Replace the database that is there now");
  AddServerFlags(restore, restore_flags);

  auto* audit = app.add_subcommand("audit", "Work with the audit log");
  audit->require_subcommand(1);
  ServerFlags verify_flags;
  auto* verify = audit->add_subcommand(
      "verify", "Check the audit log's hash chain: every row as it was written, none missing");
  std::string verify_expect;
  verify->add_option("--expect", verify_expect,
                     "SEQ:HASH from an earlier verify: that row must still be there as it was");
  AddServerFlags(verify, verify_flags);

  std::string migrate_from, migrate_to;
  auto* migrate_data = app.add_subcommand(
      "migrate-data", "Copy every table of a SQLite site into a new PostgreSQL database");
  migrate_data->add_option("--from", migrate_from, "The SQLite database (sqlite:///…)")->required();
  migrate_data->add_option("--to", migrate_to, "The empty PostgreSQL database (postgresql://…)")
      ->required();
  // A learner's data rights, handled by the operator (docs/privacy.md).
  ServerFlags export_user_flags;
  std::string export_user_email, export_user_out;
  auto* export_user = app.add_subcommand(
      "export-user", "Write everything held about one account to a zip (as the app's download)");
  export_user->add_option("email", export_user_email, "The account's email address")->required();
  export_user->add_option("--out", export_user_out, "The zip to write (must not exist)")
      ->required();
  AddServerFlags(export_user, export_user_flags);
  ServerFlags delete_user_flags;
  std::string delete_user_email;
  bool delete_user_yes = false;
  auto* delete_user = app.add_subcommand(
      "delete-user", "Delete a learner's account and everything about them (as the app does)");
  delete_user->add_option("email", delete_user_email, "The account's email address")->required();
  delete_user->add_flag("--yes", delete_user_yes, "Do not ask to confirm");
  AddServerFlags(delete_user, delete_user_flags);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  if (*serve) {
    const auto config = Load(serve_flags);
    return config ? securebase::app::RunServe(*config) : 2;
  }
  if (*migrate) {
    const auto config = Load(migrate_flags);
    return config ? securebase::app::RunMigrate(*config) : 2;
  }
  if (*user_add) {
    const auto config = Load(user_flags);
    if (!config) return 2;
    if (user_args.name.empty())
      user_args.name = user_args.email.substr(0, user_args.email.find('@'));
    return securebase::app::RunUserAdd(*config, user_args);
  }
  if (*reset_two_factor) {
    const auto config = Load(reset_flags);
    return config ? securebase::app::RunUserResetTwoFactor(*config, reset_email) : 2;
  }
  if (*check) {
    const auto config = Load(check_flags);
    if (!config) return 2;
    return securebase::app::RunContentCheck(check_dir.empty() ? config->content : check_dir);
  }
  if (*import) {
    const auto config = Load(import_flags);
    if (!config) return 2;
    return securebase::app::RunContentImport(*config, import_dir);
  }
  if (*rotate) {
    const auto config = Load(rotate_flags);
    return config ? securebase::app::RunKeysRotate(*config, rotate_batch) : 2;
  }
  if (*status) {
    const auto config = Load(status_flags);
    return config ? securebase::app::RunKeysStatus(*config) : 2;
  }
  if (*backup) {
    const auto config = Load(backup_flags);
    return config ? securebase::app::RunBackup(*config, backup_file) : 2;
  }
  if (*restore) {
    const auto config = Load(restore_flags);
    return config ? securebase::app::RunRestore(*config, restore_file, restore_force) : 2;
  }
  if (*verify) {
    const auto config = Load(verify_flags);
    return config ? securebase::app::RunAuditVerify(*config, verify_expect) : 2;
  }
  if (*migrate_data) return securebase::app::RunMigrateData(migrate_from, migrate_to);
  if (*export_user) {
    const auto config = Load(export_user_flags);
    return config ? securebase::app::RunExportUser(*config, export_user_email, export_user_out) : 2;
  }
  if (*delete_user) {
    const auto config = Load(delete_user_flags);
    return config ? securebase::app::RunDeleteUser(*config, delete_user_email, delete_user_yes) : 2;
  }
  return 2;
}
