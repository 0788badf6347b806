// Instants as the API writes them: RFC 3339 in UTC with whole seconds,
// e.g. "2026-03-30T08:00:00Z" (DESIGN.md §8). Milliseconds are dropped
// (floored), which is finer than anything a person reads.
//
// Thread-safety: pure.
#pragma once

#include <string>

#include "common/clock.h"

namespace securebase {

std::string Rfc3339(Instant at);

}  // namespace securebase
