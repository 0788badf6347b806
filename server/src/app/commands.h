// The securebase subcommands. Each returns the process exit code:
// 0 success, 1 the work failed, 2 the configuration or arguments are wrong.
#pragma once

#include <string>

#include "app/config.h"

namespace securebase::app {

int RunServe(const Config& config);
int RunMigrate(const Config& config);
int RunContentCheck(const std::string& dir);

}  // namespace securebase::app
