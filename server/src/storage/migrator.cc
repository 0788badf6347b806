#include "storage/migrator.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>

#include "common/fingerprint.h"
#include "common/log.h"

namespace securebase::storage {
namespace {

struct ParsedName {
  int version = 0;
  std::string name;                // without dialect and .sql
  std::optional<Backend> dialect;  // nullopt: all backends
};

Result<ParsedName> ParseFileName(std::string_view file) {
  const auto bad = [&](std::string_view why) {
    return InvalidArgument(fmt::format("Migration file '{}' {}.", file, why));
  };
  if (!file.ends_with(".sql")) return bad("does not end in .sql");
  std::string_view stem = file.substr(0, file.size() - 4);
  ParsedName out;
  if (stem.ends_with(".sqlite")) {
    out.dialect = Backend::kSqlite;
    stem.remove_suffix(7);
  } else if (stem.ends_with(".postgresql")) {
    out.dialect = Backend::kPostgresql;
    stem.remove_suffix(11);
  }
  if (stem.size() < 6 || stem[4] != '_') return bad("must be named NNNN_description.sql");
  const auto [ptr, ec] = std::from_chars(stem.data(), stem.data() + 4, out.version);
  if (ec != std::errc() || ptr != stem.data() + 4 || out.version <= 0) {
    return bad("must start with a four-digit version above 0000");
  }
  out.name = std::string(stem);
  return out;
}

// Splits a migration into statements at semicolons that end a line, except
// inside a $$-quoted body (a PostgreSQL function's, migration 0021). Our
// migrations keep to that shape (no semicolons inside string literals at the
// end of a line; an SQLite trigger's body on the line that ends it) so the
// split stays this simple.
std::vector<std::string> SplitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::string current;
  bool in_body = false;
  std::size_t start = 0;
  while (start < sql.size()) {
    auto end = sql.find('\n', start);
    if (end == std::string::npos) end = sql.size();
    std::string_view line(sql.data() + start, end - start);
    start = end + 1;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line.substr(first, 2) == "--") continue;
    current.append(line);
    current.push_back('\n');
    for (auto at = line.find("$$"); at != std::string_view::npos; at = line.find("$$", at + 2))
      in_body = !in_body;
    const auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';' && !in_body) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, "
    "applied_at BIGINT NOT NULL)";

Status EnsureMigrationsTable(Database& db) {
  return db.Write("migrate.table", [&](soci::session& sql) -> Status {
    sql << kCreateMigrationsTable;
    return {};
  });
}

struct Applied {
  std::string name;
  std::string checksum;
};

std::map<int, Applied> ReadApplied(soci::session& sql) {
  std::map<int, Applied> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT version, name, checksum FROM schema_migrations");
  for (const auto& row : rows) {
    out[row.get<int>(0)] = Applied{row.get<std::string>(1), row.get<std::string>(2)};
  }
  return out;
}

Result<std::map<int, Applied>> AppliedMigrations(Database& db) {
  return db.Read("migrate.read", [&](soci::session& sql) -> Result<std::map<int, Applied>> {
    return ReadApplied(sql);
  });
}

// Instances starting together on PostgreSQL take turns on this advisory lock
// (the key is arbitrary but fixed).
constexpr long long kLockKey = 7215570401LL;

}  // namespace

Result<std::vector<Migration>> SelectMigrations(const std::vector<MigrationFile>& files,
                                                Backend backend) {
  std::map<int, Migration> generic;
  std::map<int, Migration> specific;
  // Which forms each version has, across both backends: a version that only
  // one backend gets would leave the other a version behind in silence.
  std::map<int, std::pair<bool, int>> forms;  // plain?, number of dialect variants
  for (const auto& file : files) {
    auto parsed = ParseFileName(file.name);
    if (!parsed) return std::unexpected(parsed.error());
    auto& f = forms[parsed->version];
    if (parsed->dialect)
      ++f.second;
    else
      f.first = true;
  }
  for (const auto& [version, f] : forms) {
    if (!f.first && f.second < 2) {
      return InvalidArgument(fmt::format(
          "Migration {:04} has a variant for one backend only; give it a plain .sql file or both "
          ".sqlite.sql and .postgresql.sql.",
          version));
    }
  }
  for (const auto& file : files) {
    auto parsed = ParseFileName(file.name);
    if (parsed->dialect && *parsed->dialect != backend) continue;
    auto& target = parsed->dialect ? specific : generic;
    if (target.contains(parsed->version)) {
      return InvalidArgument(fmt::format("Two migrations share version {:04}.", parsed->version));
    }
    target[parsed->version] =
        Migration{parsed->version, parsed->name, file.sql, Fingerprint(file.sql)};
  }
  for (auto& [version, m] : specific) generic[version] = std::move(m);
  std::vector<Migration> out;
  int expected = 1;
  for (auto& [version, m] : generic) {
    if (version != expected) {
      return InvalidArgument(fmt::format("Migration {:04} is missing.", expected));
    }
    out.push_back(std::move(m));
    ++expected;
  }
  return out;
}

Result<int> SchemaVersion(Database& db) {
  if (auto ok = EnsureMigrationsTable(db); !ok) return std::unexpected(ok.error());
  auto applied = AppliedMigrations(db);
  if (!applied) return std::unexpected(applied.error());
  return applied->empty() ? 0 : applied->rbegin()->first;
}

Result<MigrationReport> Migrate(Database& db, const std::vector<Migration>& migrations,
                                const Clock& clock) {
  const bool pg = db.backend() == Backend::kPostgresql;
  // The lock is held on one pooled session for the whole run.
  return db.Read("migrate.lock", [&](soci::session& lock_session) -> Result<MigrationReport> {
    if (pg) lock_session << "SELECT pg_advisory_lock(" << kLockKey << ")";
    struct Unlock {
      soci::session& s;
      bool pg;
      ~Unlock() {
        try {
          if (pg) s << "SELECT pg_advisory_unlock(" << kLockKey << ")";
        } catch (...) {
        }
      }
    } unlock{lock_session, pg};

    // Work on the locked session itself so the pool cannot hand us a second
    // connection that would wait on our own lock.
    auto run_write = [&](auto&& fn) -> Status {
      lock_session << (pg ? "BEGIN" : "BEGIN IMMEDIATE");
      try {
        fn(lock_session);
        lock_session << "COMMIT";
      } catch (...) {
        try {
          lock_session << "ROLLBACK";
        } catch (...) {
        }
        throw;
      }
      return {};
    };
    run_write([](soci::session& sql) { sql << kCreateMigrationsTable; });
    const std::map<int, Applied> applied = ReadApplied(lock_session);
    MigrationReport report;
    report.from_version = applied.empty() ? 0 : applied.rbegin()->first;
    const int known = migrations.empty() ? 0 : migrations.back().version;
    if (report.from_version > known) {
      return Fail(ErrorCode::kConflict,
                  fmt::format("The database is at schema version {} but this securebase knows "
                              "only up to {}. Run a newer securebase.",
                              report.from_version, known));
    }
    for (const auto& m : migrations) {
      if (auto it = applied.find(m.version); it != applied.end()) {
        if (it->second.checksum != m.checksum) {
          return Fail(ErrorCode::kConflict,
                      fmt::format("Migration {} was changed after it was applied. Migrations are "
                                  "append-only: restore the file and add a new one instead.",
                                  m.name));
        }
        continue;
      }
      const auto statements = SplitStatements(m.sql);
      const long long now = clock.Now().millis;
      run_write([&](soci::session& sql) {
        for (const auto& statement : statements) sql << statement;
        sql << "INSERT INTO schema_migrations (version, name, checksum, applied_at) "
               "VALUES (:v, :n, :c, :t)",
            soci::use(m.version), soci::use(m.name), soci::use(m.checksum), soci::use(now);
      });
      Log(LogLevel::kInfo, "migration_applied", {{"version", m.version}, {"name", m.name}});
      report.applied.push_back(m.name);
    }
    report.to_version = known > report.from_version ? known : report.from_version;
    return report;
  });
}

}  // namespace securebase::storage
