// What a learner's trigger logs show when looked at together
// (docs/api/journal.md, "Insights"): how many there are, and once there are
// enough to say something kind and true, their weeks, the signs they
// touched, the nervous-system states, the urges, what helped (and by how
// much the intensity eased), and the parts of the day they happen in.
//
// Only trigger logs count; reflections and parts notes are not patterns.
// Below kJournalInsightsMinimum logs every list is empty (and the four parts
// of the day count 0): three entries make no pattern, and a chart of them
// would claim one. A helped choice shows its
// mean drop in intensity only from kMinHelpedRated rated logs, since one log
// says nothing about a practice.
//
// Weeks are local Monday-weeks in the learner's zone (the last `weeks`,
// oldest first, empty ones included); the other tallies cover all time.
//
// SummarizeTriggerLogs is pure (the present moment is an argument), so the
// arithmetic is tested without a database or a clock.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/journal/journal_entry.h"

namespace securebase::domain {

inline constexpr int kJournalInsightsMinimum = 5;
inline constexpr int kMinHelpedRated = 2;
inline constexpr int kMinInsightWeeks = 1;
inline constexpr int kMaxInsightWeeks = 52;
inline constexpr int kDefaultInsightWeeks = 12;

// A count per nervous-system state; `unknown` counts logs that left it out.
struct StateTally {
  int settled = 0;
  int activated = 0;
  int shut_down = 0;
  int unknown = 0;
};

struct IdCount {
  std::string id;
  int count = 0;
};

struct InsightWeek {
  std::string week_start;  // the local Monday: "2026-11-23"
  int count = 0;           // trigger logs that occurred in the week
  StateTally states;
  // Every sign id of kSignIds in that order (0 included), then any other id
  // a log named, in the order first met.
  std::vector<IdCount> signs;
};

struct StateCount {
  std::optional<NervousState> state;  // nullopt: unknown
  int count = 0;
};

struct HelpedCount {
  std::string helped;  // a kHelpedIds id
  int count = 0;       // logs that named it
  int rated = 0;       // of those, logs with both intensities
  // mean(before − after) over the rated logs, to one decimal; nullopt while
  // rated < kMinHelpedRated.
  std::optional<double> mean_drop;
};

enum class DayPart { kNight, kMorning, kAfternoon, kEvening };  // 0–5, 6–11, 12–17, 18–23

// "night", "morning", "afternoon", "evening".
std::string_view DayPartId(DayPart part);

struct DayPartCount {
  DayPart part = DayPart::kNight;
  int count = 0;
};

struct JournalInsights {
  int trigger_count = 0;  // every readable trigger log, all time
  int minimum = kJournalInsightsMinimum;
  // trigger_count >= minimum; when false every list is empty but
  // time_of_day, whose four parts then count 0.
  bool ready = false;
  int unreadable = 0;              // as given: trigger logs that could not be opened, left out
  std::vector<InsightWeek> weeks;  // oldest first, ending with the current week
  std::vector<IdCount> signs;      // count > 0, most first, ties by id
  // All four, most first, ties by id (activated, settled, shut_down, unknown).
  std::vector<StateCount> states;
  std::vector<IdCount> urges;  // count > 0, most first, ties by id
  // count > 0; those with a mean drop first (highest first, then more logs
  // first, then by id), then the rest (more logs first, then by id).
  std::vector<HelpedCount> helped;
  std::vector<DayPartCount> time_of_day;  // always night, morning, afternoon, evening
};

// The insights at `now` over `entries` (any kinds; only trigger logs count),
// `unreadable` being how many trigger logs could not be opened. An unknown zone
// is an error on "tz", a number of weeks outside 1..52 one on "weeks".
Result<JournalInsights> SummarizeTriggerLogs(const std::vector<JournalEntry>& entries,
                                             int unreadable, std::string_view time_zone,
                                             Instant now, int weeks);

}  // namespace securebase::domain
