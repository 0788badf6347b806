// ApiContext: what the handlers need from the rest of the server, assembled
// by app/ at start. Handlers reach domain services and repositories only
// through here, never storage or SQL.
//
// Thread-safety: everything referenced here is safe to use from every I/O
// thread; blocking calls go through `pool`.
#pragma once

#include <functional>

#include "common/clock.h"
#include "common/error.h"
#include "common/metrics.h"
#include "domain/accounts/setup_service.h"
#include "domain/safety/crisis_lines.h"
#include "http/blocking_pool.h"

namespace securebase::api {

struct ApiContext {
  http::BlockingPool& pool;
  MetricsRegistry& metrics;
  const Clock& clock;
  // Is the database answering? (storage's Database::Ping, injected by app/.)
  std::function<Status()> check_database;
  // Crisis lines from content/crisis, for the "Need help now" panel.
  const domain::CrisisDirectory& crisis;
  // First-run setup of the practitioner account.
  domain::SetupService& setup;
};

}  // namespace securebase::api
