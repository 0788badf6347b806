// `securebase migrate-data --from sqlite://… --to postgresql://…`: moves a
// site to PostgreSQL (docs/operations/moving-to-postgresql.md). The source
// must be at this binary's schema version and is only read; the target is
// migrated to it and must hold no data; app/migrate_data.h does the copy.
// Output names tables and counts, never anything stored in them.
#include <filesystem>
#include <iostream>

#include "app/commands.h"
#include "app/migrate_data.h"
#include "common/clock.h"
#include "storage/database.h"
#include "storage/database_url.h"
#include "storage/embedded_migrations.h"
#include "storage/migrator.h"

namespace securebase::app {
namespace {

int Refuse(const std::string& message) {
  std::cerr << "securebase migrate-data: " << message << "\n";
  return 2;
}

int Fail(const std::string& message) {
  std::cerr << "securebase migrate-data: " << message << "\n";
  return 1;
}

}  // namespace

int RunMigrateData(const std::string& from_url, const std::string& to_url) {
  auto from = storage::ParseDatabaseUrl(from_url);
  if (!from) return Refuse("--from: " + from.error().message);
  auto to = storage::ParseDatabaseUrl(to_url);
  if (!to) return Refuse("--to: " + to.error().message);
  if (from->backend != storage::Backend::kSqlite)
    return Refuse("--from must name the SQLite database (sqlite:///path/to/securebase.db).");
  if (to->backend != storage::Backend::kPostgresql)
    return Refuse("--to must name the PostgreSQL database (postgresql://user:…@host/db).");
  // Opening a file that is not there would make an empty database of it.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(from->target, ec))
    return Refuse("there is no SQLite database at " + from->target + ".");

  auto source = storage::Database::Open(*from, 1);
  if (!source) return Fail(source.error().message);
  auto sqlite_migrations =
      storage::SelectMigrations(storage::EmbeddedMigrations(), storage::Backend::kSqlite);
  if (!sqlite_migrations) return Fail(sqlite_migrations.error().message);
  const int current = sqlite_migrations->empty() ? 0 : sqlite_migrations->back().version;
  auto version = storage::SchemaVersion(**source);
  if (!version) return Fail(version.error().message);
  if (*version != current) {
    return Refuse("the SQLite database is at schema version " + std::to_string(*version) +
                  " and this securebase at " + std::to_string(current) +
                  (*version < current ? ": run `securebase migrate --database " + from->redacted +
                                            "` (or start the server once) first."
                                      : ": use the securebase that last served it."));
  }

  auto target = storage::Database::Open(*to, 2);
  if (!target) return Fail(target.error().message);
  auto pg_migrations =
      storage::SelectMigrations(storage::EmbeddedMigrations(), storage::Backend::kPostgresql);
  if (!pg_migrations) return Fail(pg_migrations.error().message);
  SystemClock clock;
  if (auto migrated = storage::Migrate(**target, *pg_migrations, clock); !migrated)
    return Fail(migrated.error().message);

  auto copied = CopyAllData(**source, **target);
  if (!copied) {
    const auto code = copied.error().code;
    const bool refused = code == ErrorCode::kConflict || code == ErrorCode::kInvalidArgument;
    return refused ? Refuse(copied.error().message) : Fail(copied.error().message);
  }
  long long rows = 0;
  for (const auto& t : *copied) {
    std::cout << "  " << t.table << ": " << t.rows << (t.rows == 1 ? " row\n" : " rows\n");
    rows += t.rows;
  }
  std::cout << "Copied " << rows << " rows in " << copied->size() << " tables into " << to->redacted
            << ", at schema version " << current << ".\n"
            << "Serve from it with --database (or database = in the config) and the same key "
               "folder: sealed values were copied as they are and open with the same keys.\n"
            << "Check the audit log there: securebase audit verify --database …\n";
  return 0;
}

}  // namespace securebase::app
