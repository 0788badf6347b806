// RetryPolicy: when the outbox worker tries a failed message again, and when
// it stops. The first retry waits one minute, each later one twice as long,
// never more than an hour; a message still unsent three days after it was
// written is given up (kept as failed for the operator, never deleted).
//
// Pure functions of their arguments.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <chrono>
#include <optional>

#include "common/clock.h"

namespace securebase::domain {

struct RetryPolicy {
  std::chrono::milliseconds first_delay = std::chrono::minutes(1);
  std::chrono::milliseconds max_delay = std::chrono::hours(1);
  std::chrono::milliseconds give_up_after = std::chrono::hours(72);
};

// The wait after the `attempt`-th try failed (attempt >= 1): first_delay,
// doubling, at most max_delay. Attempts below 1 count as 1.
std::chrono::milliseconds RetryDelay(const RetryPolicy& policy, int attempt);

// When to try again after the `attempt`-th try failed at `now`, or nullopt
// when that would be later than created_at + give_up_after: give up.
std::optional<Instant> NextAttempt(const RetryPolicy& policy, int attempt, Instant created_at,
                                   Instant now);

}  // namespace securebase::domain
