// The SQL migrations compiled into the binary (generated from
// server/migrations/*.sql at build time; see cmake/embed_migrations.cmake).
#pragma once

#include <vector>

namespace securebase::storage {

struct MigrationFile {
  const char* name;  // e.g. "0001_settings.sql" or "0002_bookings.postgresql.sql"
  const char* sql;
};

// Sorted by file name.
const std::vector<MigrationFile>& EmbeddedMigrations();

}  // namespace securebase::storage
