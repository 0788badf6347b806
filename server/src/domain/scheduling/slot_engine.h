// The slot engine: for one session type and a UTC window, the instants a
// client may start a session. Pure: the schedule, the type, the sessions
// already booked and "now" come in; nothing is read or written.
//
// Rules (docs/scheduling.md explains each, with the daylight-saving cases):
// - Availability is expanded day by day in the practitioner's zone
//   (RangesOn). A day's ranges that touch are one block; blocks never cross
//   local midnight. Candidates are local wall times from each block's start
//   on the type's step, before the block's end; a local time that does not
//   exist (a spring gap) is no candidate; one that occurs twice (an autumn
//   overlap) gives both instants.
// - A slot's session [start, start + duration) lies inside its block, in
//   real elapsed time. A block starts the first moment the clock shows its
//   start or later, and ends the last moment it shows a time before its end:
//   in a gap both are the instant the gap ends; a repeated start is its
//   earlier instant, an end inside repeated time its later one, and an end
//   exactly where the repeated time begins its earlier one (after it the
//   clock shows only times at or past the end).
// - Its blocked time [start - buffer_before, end + buffer_after) overlaps no
//   booked session's blocked time (Busy).
// - start >= now + minimum notice, and start <= now + horizon.
// - start in [from, to).
// Slots come back sorted and without repeats.
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "common/clock.h"
#include "domain/scheduling/schedule.h"
#include "domain/scheduling/session_type.h"

namespace securebase::domain {

// Time a booked session keeps from others: its start and end widened by its
// type's buffers. Half-open.
struct Busy {
  Instant from;
  Instant until;
};

struct SlotQuery {
  Instant from;  // window, half-open [from, to)
  Instant to;
  Instant now;
  std::vector<Busy> busy;  // any order
};

struct Slot {
  Instant start;
  Instant end;  // start + duration
  bool operator==(const Slot&) const = default;
};

std::vector<Slot> FreeSlots(const Schedule& schedule, const SessionType& type,
                            const SlotQuery& query);

// The blocked time of a session of `type` starting at `start`.
Busy BlockedTime(const SessionType& type, Instant start);

}  // namespace securebase::domain
