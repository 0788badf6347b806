// Opening the configured database and bringing its schema up to date, shared
// by `serve` and `migrate`; and the database's housekeeping jobs.
#pragma once

#include <memory>

#include "app/config.h"
#include "common/clock.h"
#include "common/metrics.h"
#include "jobs/ticker.h"
#include "storage/database.h"

namespace securebase::app {

Result<std::unique_ptr<storage::Database>> OpenAndMigrate(const Config& config,
                                                          MetricsRegistry& metrics,
                                                          const Clock& clock);

// Periodic upkeep: SQLite's query-planner statistics and WAL checkpoint.
void AddHousekeeping(jobs::Ticker& ticker, storage::Database& db);

}  // namespace securebase::app
