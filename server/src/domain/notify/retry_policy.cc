#include "domain/notify/retry_policy.h"

namespace securebase::domain {

std::chrono::milliseconds RetryDelay(const RetryPolicy& policy, int attempt) {
  auto delay = policy.first_delay;
  // Double until the cap; the loop ends within ~40 steps for any cap, so a
  // huge attempt number can neither overflow nor take long.
  for (int i = 1; i < attempt && delay.count() > 0 && delay < policy.max_delay; ++i) delay *= 2;
  return delay < policy.max_delay ? delay : policy.max_delay;
}

std::optional<Instant> NextAttempt(const RetryPolicy& policy, int attempt, Instant created_at,
                                   Instant now) {
  const Instant next{now.millis + RetryDelay(policy, attempt).count()};
  if (next.millis > created_at.millis + policy.give_up_after.count()) return std::nullopt;
  return next;
}

}  // namespace securebase::domain
