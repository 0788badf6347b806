#include "domain/scheduling/schedule.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <set>

#include "domain/calendar/local_calendar.h"

namespace securebase::domain {
namespace {

constexpr std::size_t kMaxWeeklyRanges = 50;
constexpr std::size_t kMaxOverrides = 400;
constexpr int kMinutesPerDay = 1440;

// Checks one range's own bounds; true when it is usable for the overlap check.
bool CheckRange(const LocalRange& r, const std::string& at, std::vector<FieldError>& errors) {
  if (r.start_minute < 0 || r.start_minute >= kMinutesPerDay) {
    errors.push_back({at + ".start", "Choose a start time between 00:00 and 23:59."});
    return false;
  }
  if (r.end_minute <= 0 || r.end_minute > kMinutesPerDay) {
    errors.push_back({at + ".end", "Choose an end time between 00:01 and 24:00."});
    return false;
  }
  if (r.end_minute <= r.start_minute) {
    errors.push_back({at + ".end", "Choose an end time after the start time."});
    return false;
  }
  return true;
}

struct Placed {
  LocalRange range;
  std::string field;  // "weekly[2]", "overrides[0].ranges[1]"
};

// Ranges of one day may touch but not overlap. The range that begins inside
// an earlier one (by start time) is the one named.
void CheckOverlaps(std::vector<Placed> day, std::vector<FieldError>& errors) {
  std::stable_sort(day.begin(), day.end(), [](const Placed& a, const Placed& b) {
    return a.range.start_minute < b.range.start_minute;
  });
  int reach = -1;  // the latest end so far
  for (const Placed& p : day) {
    if (p.range.start_minute < reach) {
      errors.push_back({p.field + ".start",
                        "These hours overlap other hours on the same day. Hours may meet "
                        "(one ends at 12:00, the next starts at 12:00) but not overlap."});
    }
    reach = std::max(reach, p.range.end_minute);
  }
}

}  // namespace

std::vector<FieldError> CheckSchedule(const Schedule& schedule) {
  std::vector<FieldError> errors;
  if (schedule.time_zone.empty()) {
    errors.push_back({"time_zone", "Choose the time zone you work in, such as Europe/London."});
  } else if (FindTimeZone(schedule.time_zone) == nullptr) {
    errors.push_back({"time_zone",
                      "We don't know this time zone. Choose one from the list, such as "
                      "Europe/London."});
  }

  if (schedule.weekly.size() > kMaxWeeklyRanges) {
    errors.push_back({"weekly", fmt::format("There is room for {} weekly ranges. Join ranges that "
                                            "meet, or leave some out.",
                                            kMaxWeeklyRanges)});
  } else {
    std::vector<std::vector<Placed>> by_weekday(7);
    for (std::size_t i = 0; i < schedule.weekly.size(); ++i) {
      const WeeklyRange& w = schedule.weekly[i];
      const std::string at = fmt::format("weekly[{}]", i);
      const bool weekday_ok = w.weekday >= 0 && w.weekday <= 6;
      if (!weekday_ok) errors.push_back({at + ".weekday", "Choose a day from Monday to Sunday."});
      if (CheckRange(w.range, at, errors) && weekday_ok) {
        by_weekday[static_cast<std::size_t>(w.weekday)].push_back({w.range, at});
      }
    }
    for (auto& day : by_weekday) CheckOverlaps(std::move(day), errors);
  }

  if (schedule.overrides.size() > kMaxOverrides) {
    errors.push_back({"overrides", fmt::format("There is room for {} days with their own hours. "
                                               "Remove some that have passed.",
                                               kMaxOverrides)});
    return errors;
  }
  std::set<date::sys_days> dates;
  for (std::size_t i = 0; i < schedule.overrides.size(); ++i) {
    const DateOverride& o = schedule.overrides[i];
    const std::string at = fmt::format("overrides[{}]", i);
    if (!o.date.ok()) {
      errors.push_back({at + ".date", "Choose a date that exists on the calendar."});
    } else if (!dates.insert(date::sys_days(o.date)).second) {
      errors.push_back({at + ".date",
                        "This date already has its own hours. Put all of one "
                        "day's hours in one change."});
    }
    std::vector<Placed> day;
    for (std::size_t j = 0; j < o.ranges.size(); ++j) {
      const std::string range_at = fmt::format("{}.ranges[{}]", at, j);
      if (CheckRange(o.ranges[j], range_at, errors)) day.push_back({o.ranges[j], range_at});
    }
    CheckOverlaps(std::move(day), errors);
  }
  return errors;
}

std::vector<LocalRange> RangesOn(const Schedule& schedule, date::local_days day) {
  std::vector<LocalRange> out;
  const date::year_month_day ymd(day);
  const auto override_it = std::find_if(schedule.overrides.begin(), schedule.overrides.end(),
                                        [&](const DateOverride& o) { return o.date == ymd; });
  if (override_it != schedule.overrides.end()) {
    out = override_it->ranges;
  } else {
    // date::weekday counts from Sunday; ours from Monday.
    const int weekday = static_cast<int>(date::weekday(day).iso_encoding()) - 1;
    for (const WeeklyRange& w : schedule.weekly) {
      if (w.weekday == weekday) out.push_back(w.range);
    }
  }
  std::sort(out.begin(), out.end(), [](const LocalRange& a, const LocalRange& b) {
    return a.start_minute != b.start_minute ? a.start_minute < b.start_minute
                                            : a.end_minute < b.end_minute;
  });
  return out;
}

}  // namespace securebase::domain
