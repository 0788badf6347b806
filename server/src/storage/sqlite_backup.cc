#include "storage/sqlite_backup.h"

#include <sqlite3.h>

#include <memory>

namespace securebase::storage {

namespace {

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

// How long a copy waits for a writer to let go before it gives up.
constexpr int kBusyMillis = 10'000;

Result<Db> Open(const std::filesystem::path& file, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) {
    return Unavailable("Could not open " + file.string() + ": " +
                       (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)) + ".");
  }
  sqlite3_busy_timeout(db.get(), kBusyMillis);
  return db;
}

}  // namespace

Status CopySqliteDatabase(const std::filesystem::path& from, const std::filesystem::path& to) {
  auto source = Open(from, SQLITE_OPEN_READONLY);
  if (!source) return std::unexpected(source.error());
  auto target = Open(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!target) return std::unexpected(target.error());
  sqlite3_backup* backup = sqlite3_backup_init(target->get(), "main", source->get(), "main");
  if (!backup) {
    return Unavailable(std::string("Could not start the copy: ") + sqlite3_errmsg(target->get()) +
                       ".");
  }
  // All pages in one step: one read transaction, so one snapshot.
  int rc = sqlite3_backup_step(backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    sqlite3_sleep(50);
    rc = sqlite3_backup_step(backup, -1);
  }
  const int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE || finished != SQLITE_OK) {
    return Unavailable(std::string("The copy did not finish: ") + sqlite3_errstr(rc) + ".");
  }
  return {};
}

Result<std::string> CheckSqliteBackup(const std::filesystem::path& file) {
  if (!std::filesystem::is_regular_file(file)) {
    return InvalidArgument("There is no file at " + file.string() + ".");
  }
  auto db = Open(file, SQLITE_OPEN_READONLY);
  if (!db) return std::unexpected(db.error());
  std::string result;
  const auto first_value = [](void* out, int, char** values, char**) {
    auto* text = static_cast<std::string*>(out);
    if (text->empty() && values[0]) *text = values[0];
    return 0;
  };
  char* error = nullptr;
  if (sqlite3_exec(db->get(), "PRAGMA integrity_check", first_value, &result, &error) !=
      SQLITE_OK) {
    const std::string why = error ? error : "unknown";
    sqlite3_free(error);
    return InvalidArgument(file.string() + " is not a readable SQLite database (" + why + ").");
  }
  if (result != "ok") return result;
  std::string migrations;
  if (sqlite3_exec(db->get(),
                   "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
                   "'schema_migrations'",
                   first_value, &migrations, nullptr) != SQLITE_OK ||
      migrations != "1") {
    return InvalidArgument(file.string() + " is an SQLite database, but not a Secure Base one.");
  }
  return result;
}

}  // namespace securebase::storage
