// RateCounterRepository: how many requests each key made in its current
// window, for RateLimits (rate_limits.h). In the database, so every
// instance counts together.
//
// Implementations: storage/sql_rate_counter_repository and
// tests/fakes/memory_rate_counter_repository; one contract suite.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <string_view>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

class RateCounterRepository {
 public:
  virtual ~RateCounterRepository() = default;

  // Counts one request for `key` in the window starting at `window_start`
  // (starting again from one when that window is later than the stored
  // one; an earlier one, from an instance whose clock lags, counts in the
  // stored window) and returns the count now. Atomic: concurrent hits are
  // all counted.
  virtual Result<long> Hit(std::string_view key, Instant window_start) = 0;
  // Deletes counters whose window started before `before`; how many.
  virtual Result<long> DeleteOlderThan(Instant before) = 0;
};

}  // namespace securebase::domain
