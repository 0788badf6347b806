// Migrator brings a database's schema up to date from the numbered SQL files
// in server/migrations (compiled into the binary).
//
// Files are named NNNN_description.sql; a dialect variant
// NNNN_description.sqlite.sql or NNNN_description.postgresql.sql replaces the
// plain file on that backend (only where the SQL must differ). Migrations are
// append-only: each applied one is recorded in schema_migrations with a
// checksum, and a file that changed after it was applied stops start-up, as
// does a database newer than this binary.
//
// On PostgreSQL a session-level advisory lock serialises instances that
// start together; on SQLite each migration runs in BEGIN IMMEDIATE.
//
// Thread-safety: call once at start-up, before serving.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "storage/database.h"
#include "storage/embedded_migrations.h"

namespace securebase::storage {

struct Migration {
  int version = 0;
  std::string name;      // e.g. "0001_settings"
  std::string sql;       // for this backend
  std::string checksum;  // hex of a 64-bit FNV-1a over the SQL
};

// The migrations that apply to a backend, in version order; an error names a
// badly named or duplicated file.
Result<std::vector<Migration>> SelectMigrations(const std::vector<MigrationFile>& files,
                                                Backend backend);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;
};

Result<MigrationReport> Migrate(Database& db, const std::vector<Migration>& migrations,
                                const Clock& clock);

// The highest applied version (0 for an empty database).
Result<int> SchemaVersion(Database& db);

}  // namespace securebase::storage
