// The gentle cadence: a new check-in is offered a set number of days (28 by
// default, `checkin.cadence_days`) after the last one, and never pressed on
// anyone. Home shows the offer when `due` is true; nothing else nags.
//
// "The last one" is per questionnaire that the check-in is made of (the
// attachment and eight-signs questionnaires): the check-in is due as soon
// as one of them has never been taken, or its latest result is at least
// `cadence_days` old.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <vector>

#include "common/clock.h"

namespace securebase::domain {

inline constexpr int kDefaultCheckinCadenceDays = 28;

struct CheckinDue {
  std::optional<Instant> last_checkin_at;  // the most recent result of any of them
  std::optional<Instant> next_due;         // nullopt while one was never taken
  bool due = true;
};

// `latest`: for each questionnaire of the check-in, when its latest result
// was taken (nullopt: never).
CheckinDue CheckinDueAt(const std::vector<std::optional<Instant>>& latest, Instant now,
                        int cadence_days);

}  // namespace securebase::domain
