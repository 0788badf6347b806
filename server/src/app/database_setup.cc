#include "app/database_setup.h"

#include <soci/soci.h>

#include "common/log.h"
#include "storage/migrator.h"

namespace securebase::app {

Result<std::unique_ptr<storage::Database>> OpenAndMigrate(const Config& config,
                                                          MetricsRegistry& metrics,
                                                          const Clock& clock) {
  auto url = storage::ParseDatabaseUrl(config.DatabaseUrl());
  if (!url) return std::unexpected(url.error());
  // The pool matches the blocking threads (they are the only callers) plus
  // one for start-up and the housekeeping jobs.
  auto db = storage::Database::Open(*url, static_cast<std::size_t>(config.blocking_threads) + 1,
                                    &metrics);
  if (!db) return std::unexpected(db.error());
  auto migrations = storage::SelectMigrations(storage::EmbeddedMigrations(), url->backend);
  if (!migrations) return std::unexpected(migrations.error());
  auto report = storage::Migrate(**db, *migrations, clock);
  if (!report) return std::unexpected(report.error());
  Log(LogLevel::kInfo, "database_ready",
      {{"database", url->redacted},
       {"schema_version", report->to_version},
       {"applied", report->applied.size()}});
  return std::move(*db);
}

void AddHousekeeping(jobs::Ticker& ticker, storage::Database& db) {
  if (db.backend() != storage::Backend::kSqlite) return;
  ticker.Add("sqlite.optimize", std::chrono::hours(6), [&db] {
    return db.Write("housekeeping.optimize", [](soci::session& sql) -> Status {
      sql << "PRAGMA optimize";
      return {};
    });
  });
  ticker.Add("sqlite.checkpoint", std::chrono::minutes(10), [&db] {
    return db.Read("housekeeping.checkpoint", [](soci::session& sql) -> Status {
      sql << "PRAGMA wal_checkpoint(PASSIVE)";
      return {};
    });
  });
}

}  // namespace securebase::app
