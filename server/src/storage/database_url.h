// DatabaseUrl picks the storage backend from the configured URL:
//   sqlite:///absolute/path.db     sqlite://relative/path.db
//   postgresql://user:pass@host:port/dbname   (postgres:// also accepted)
//
// The PostgreSQL URL is turned into libpq's keyword=value form (SOCI 4.0.3
// mangles a bare URI), with percent-escapes decoded; query parameters such as
// sslmode or options pass through as keywords. The redacted form hides any
// password and is the only one that may be logged.
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"

namespace securebase::storage {

enum class Backend { kSqlite, kPostgresql };

struct DatabaseUrl {
  Backend backend = Backend::kSqlite;
  std::string target;    // SQLite: the file path; PostgreSQL: libpq keyword=value pairs
  std::string redacted;  // safe to log
};

Result<DatabaseUrl> ParseDatabaseUrl(std::string_view url);

}  // namespace securebase::storage
