// Schedule: when the practitioner works, as she thinks of it — weekly hours
// and dated exceptions in local wall time of her IANA zone. The slot engine
// (slot_engine.h) turns it into instants; nothing else converts zones.
//
// Times of day are minutes after local midnight (09:30 → 570); an end may be
// 1440 (24:00). A date override replaces that date's weekly hours entirely:
// no ranges is a day off, ranges on a day without weekly hours are extra
// hours. docs/scheduling.md says what happens at daylight-saving changes.
//
// Thread-safety: plain values.
#pragma once

#include <date/date.h>

#include <string>
#include <vector>

#include "common/error.h"

namespace securebase::domain {

// [start, end) in minutes after local midnight, 0 <= start < end <= 1440.
struct LocalRange {
  int start_minute = 0;
  int end_minute = 0;
  bool operator==(const LocalRange&) const = default;
};

// Hours on every given weekday (0 = Monday … 6 = Sunday).
struct WeeklyRange {
  int weekday = 0;
  LocalRange range;
  bool operator==(const WeeklyRange&) const = default;
};

// One local date's hours, replacing the weekly ones; empty: a day off.
struct DateOverride {
  date::year_month_day date;
  std::vector<LocalRange> ranges;
  bool operator==(const DateOverride&) const = default;
};

struct Schedule {
  std::string time_zone;  // IANA name; empty: never set (no slots)
  std::vector<WeeklyRange> weekly;
  std::vector<DateOverride> overrides;
  bool operator==(const Schedule&) const = default;
};

// Checks a schedule before it is saved. Field names follow the API:
// "time_zone", "weekly[2].end", "overrides[0].ranges[1].start",
// "overrides[3].date". Refuses an unknown zone, a range that is empty,
// backwards or outside 00:00–24:00, ranges of one day that overlap
// (touching is fine), two overrides for one date, a weekday outside 0..6,
// more than 50 weekly ranges or 400 overrides.
std::vector<FieldError> CheckSchedule(const Schedule& schedule);

// The local ranges that apply on `day`, sorted by start: the override's when
// there is one, else the weekly ones for its weekday.
std::vector<LocalRange> RangesOn(const Schedule& schedule, date::local_days day);

}  // namespace securebase::domain
