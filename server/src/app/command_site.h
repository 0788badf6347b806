// CommandSite: one account on the site, for a command that acts on one
// person (`export-user`, `delete-user`, `user reset-two-factor`): the site's
// objects on its database and content, the same as `serve` builds
// (app/services.h), and the account found by its email.
//
// Thread-safety: used by one command on one thread.
#pragma once

#include <memory>
#include <string_view>

#include "app/config.h"
#include "app/services.h"
#include "common/clock.h"
#include "common/metrics.h"
#include "storage/database.h"

namespace securebase::app {

struct CommandSite {
  MetricsRegistry metrics;
  SystemClock clock;
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<Services> services;
  domain::User user;

  // False after saying why on stderr, as "securebase <command>: …".
  bool Open(const Config& config, std::string_view command, std::string_view email);
};

}  // namespace securebase::app
