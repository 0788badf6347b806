// What a learner's recorded practice adds up to: sessions and minutes per
// week in their time zone, and per practice the sessions, minutes and the
// mean change in distress (after − before) over the sessions rated both
// times. There are no streaks on purpose: a missed day is not a failure.
//
// The mean change is given only from kMinDistressPairs rated sessions: one
// or two are too few to say anything about a practice, and a lone bad day
// shown as "this practice makes you worse" would mislead.
//
// TallyPracticeSessions is pure (the present moment is an argument), so the
// arithmetic is tested without a database or a clock.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/practice/practice.h"
#include "domain/practice/practice_session.h"

namespace securebase::domain {

inline constexpr int kMinDistressPairs = 3;
inline constexpr int kMinStatsWeeks = 1;
inline constexpr int kMaxStatsWeeks = 52;
inline constexpr int kDefaultStatsWeeks = 12;

struct WeekTally {
  std::string start;  // the Monday that begins the week, a local date: "2026-11-23"
  int sessions = 0;
  std::int64_t seconds = 0;
  double minutes = 0;  // seconds / 60, to one decimal
};

struct DistressChange {
  int n = 0;  // sessions rated both before and after
  // mean(after − before) to one decimal; nullopt while n < kMinDistressPairs.
  std::optional<double> mean_change;
};

// Over every practice: the mean distress rated before and after, over the
// sessions rated both times; from kMinDistressPairs, like mean_change.
struct DistressTotals {
  int n = 0;
  std::optional<double> mean_before;  // to one decimal
  std::optional<double> mean_after;
};

struct PracticeTally {
  std::string practice_id;
  std::string title;  // the catalogue's; the id for a practice no longer in it
  int sessions = 0;
  std::int64_t seconds = 0;
  double minutes = 0;
  DistressChange distress;
};

struct PracticeStats {
  std::string time_zone;
  std::vector<WeekTally> weeks;          // oldest first, ending with the current week
  std::vector<PracticeTally> practices;  // most sessions first, then by id
  int total_sessions = 0;
  std::int64_t total_seconds = 0;
  double total_minutes = 0;
  DistressTotals distress;
};

// numerator / denominator (denominator > 0) to one decimal, halves away
// from zero, computed in whole tenths so that halves are exact.
double RoundedTenths(std::int64_t numerator, std::int64_t denominator);

// seconds / 60 to one decimal.
double MinutesOf(std::int64_t seconds);

// The learner's stats at `now`: `weeks` weeks (Monday to Sunday in
// `time_zone`, a session counting in the week of its local start, empty
// weeks included) and every practice over all time. An unknown zone is an
// error on "tz", a number of weeks outside 1..52 an error on "weeks".
Result<PracticeStats> TallyPracticeSessions(const std::vector<PracticeSession>& sessions,
                                            const std::vector<Practice>& practices,
                                            std::string_view time_zone, Instant now, int weeks);

}  // namespace securebase::domain
