#include "domain/assessment/cadence.h"

#include <algorithm>

namespace securebase::domain {

CheckinDue CheckinDueAt(const std::vector<std::optional<Instant>>& latest, Instant now,
                        int cadence_days) {
  constexpr std::int64_t kDayMillis = 24LL * 60 * 60 * 1000;
  CheckinDue out;
  bool never_taken = latest.empty();
  for (const auto& taken : latest) {
    if (!taken) {
      never_taken = true;
      continue;
    }
    if (!out.last_checkin_at || *taken > *out.last_checkin_at) out.last_checkin_at = taken;
    const Instant due{taken->millis + cadence_days * kDayMillis};
    if (!out.next_due || due < *out.next_due) out.next_due = due;
  }
  if (never_taken) {
    out.next_due.reset();
    out.due = true;
    return out;
  }
  out.due = now >= *out.next_due;
  return out;
}

}  // namespace securebase::domain
