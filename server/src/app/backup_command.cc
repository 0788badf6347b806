// `securebase backup FILE` and `securebase restore FILE [--force]`: a
// consistent copy of the SQLite database while the server runs, and putting
// one back (docs/operations/backups.md). The key file is not in the copy:
// the sealed values in it open only with the keys that sealed them, so the
// key folder is backed up apart, and the output says so. PostgreSQL has its
// own tools (pg_dump), named in the refusal.
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "app/commands.h"
#include "storage/database_url.h"
#include "storage/sqlite_backup.h"

namespace securebase::app {
namespace {

namespace fs = std::filesystem;

// The SQLite file the config names, or nothing after saying why not.
std::optional<fs::path> SqliteFile(const Config& config, const char* command) {
  auto url = storage::ParseDatabaseUrl(config.DatabaseUrl());
  if (!url) {
    std::cerr << "securebase " << command << ": " << url.error().message << "\n";
    return std::nullopt;
  }
  if (url->backend != storage::Backend::kSqlite) {
    std::cerr << "securebase " << command
              << ": this database is PostgreSQL; use pg_dump and pg_restore for it "
                 "(docs/operations/backups.md).\n";
    return std::nullopt;
  }
  return fs::path(url->target);
}

// Flushes a file (or folder) to the disk, so a rename after it is durable.
bool Sync(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

int Fail(const char* command, const std::string& message) {
  std::cerr << "securebase " << command << ": " << message << "\n";
  return 1;
}

}  // namespace

int RunBackup(const Config& config, const std::string& file) {
  // The copy holds personal data: readable by its owner alone, like the
  // key file and the mail files.
  ::umask(077);
  const auto source = SqliteFile(config, "backup");
  if (!source) return 2;
  const fs::path target = fs::absolute(file);
  std::error_code ec;
  if (fs::exists(target, ec)) {
    std::cerr << "securebase backup: " << target.string()
              << " already exists; choose a new name (a backup is never written over).\n";
    return 2;
  }
  if (!fs::exists(*source, ec))
    return Fail("backup", "there is no database at " + source->string());
  // Written beside the target under another name and renamed when whole: a
  // backup that stopped half way is never mistaken for one.
  const fs::path partial = target.string() + ".partial";
  fs::remove(partial, ec);
  if (auto copied = storage::CopySqliteDatabase(*source, partial); !copied) {
    fs::remove(partial, ec);
    return Fail("backup", copied.error().message);
  }
  auto checked = storage::CheckSqliteBackup(partial);
  if (!checked || *checked != "ok") {
    fs::remove(partial, ec);
    return Fail("backup", "the copy did not pass its integrity check: " +
                              (checked ? *checked : checked.error().message));
  }
  if (!Sync(partial)) return Fail("backup", "could not flush " + partial.string());
  // Never over a file, even one that appeared while the copy ran.
  if (::renameat2(AT_FDCWD, partial.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
    fs::remove(partial, ec);
    return Fail("backup", "could not name the backup " + target.string() +
                              " (it may have appeared meanwhile)");
  }
  Sync(target.parent_path());
  std::cout << "Backed up " << source->string() << " to " << target.string() << " ("
            << fs::file_size(target, ec) << " bytes, integrity ok).\n"
            << "The key file is not in it: keep a copy of the key folder ("
            << fs::path(config.SecretsKeyFile()).parent_path().string()
            << ") apart from it; without those keys the sealed text in this backup cannot be "
               "read.\n";
  return 0;
}

int RunRestore(const Config& config, const std::string& file, bool force) {
  ::umask(077);  // a database it creates is its owner's alone
  const auto target = SqliteFile(config, "restore");
  if (!target) return 2;
  const fs::path backup = fs::absolute(file);
  auto checked = storage::CheckSqliteBackup(backup);
  if (!checked) return Fail("restore", checked.error().message);
  if (*checked != "ok") return Fail("restore", "the backup is damaged: " + *checked);
  std::error_code ec;
  if (fs::exists(*target, ec) && !force) {
    std::cerr << "securebase restore: " << target->string()
              << " already holds a database; stop the server and add --force to replace it "
                 "with the backup.\n";
    return 2;
  }
  fs::create_directories(target->parent_path(), ec);
  if (auto copied = storage::CopySqliteDatabase(backup, *target); !copied) {
    return Fail("restore", copied.error().message);
  }
  std::cout << "Restored " << backup.string() << " into " << target->string() << ".\n"
            << "Start the server with the key folder that was in use when the backup was made "
               "(or a later one: keys are kept after rotation).\n";
  return 0;
}

}  // namespace securebase::app
