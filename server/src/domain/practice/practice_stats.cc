#include "domain/practice/practice_stats.h"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

#include "domain/calendar/local_calendar.h"

namespace securebase::domain {
namespace {

struct Sums {
  int sessions = 0;
  std::int64_t seconds = 0;
  int pairs = 0;
  std::int64_t change = 0;  // sum of after − before over the pairs
};

}  // namespace

double RoundedTenths(std::int64_t numerator, std::int64_t denominator) {
  // In whole tenths, so that halves are exact: 87 s is 1.45 minutes, which
  // in floating point might land just below the half.
  const std::int64_t scaled = numerator * 10;
  const std::int64_t magnitude = (std::abs(scaled) * 2 + denominator) / (denominator * 2);
  const std::int64_t tenths = scaled < 0 ? -magnitude : magnitude;
  return static_cast<double>(tenths) / 10.0;
}

double MinutesOf(std::int64_t seconds) {
  return RoundedTenths(seconds, 60);
}

Result<PracticeStats> TallyPracticeSessions(const std::vector<PracticeSession>& sessions,
                                            const std::vector<Practice>& practices,
                                            std::string_view time_zone, Instant now, int weeks) {
  std::vector<FieldError> errors;
  const date::time_zone* zone = FindTimeZone(time_zone);
  if (!zone)
    errors.push_back({"tz",
                      "is not a time zone we know; use an IANA name such as "
                      "Europe/London"});
  if (weeks < kMinStatsWeeks || weeks > kMaxStatsWeeks) {
    errors.push_back({"weeks", "must be a whole number from 1 to 52"});
  }
  if (!errors.empty()) {
    const std::string message = errors.front().field + " " + errors.front().message + ".";
    return InvalidArgument(message, std::move(errors));
  }

  PracticeStats out;
  out.time_zone = std::string(time_zone);
  const date::local_days first = MondayOf(LocalDayOf(*zone, now)) - date::days(7 * (weeks - 1));
  out.weeks.resize(static_cast<std::size_t>(weeks));
  for (int i = 0; i < weeks; ++i)
    out.weeks[static_cast<std::size_t>(i)].start = IsoDate(first + date::days(7 * i));

  std::map<std::string, Sums, std::less<>> per_practice;
  std::int64_t before_sum = 0, after_sum = 0;
  for (const auto& s : sessions) {
    ++out.total_sessions;
    out.total_seconds += s.duration_seconds;
    Sums& p = per_practice[s.practice_id];
    ++p.sessions;
    p.seconds += s.duration_seconds;
    if (s.distress_before && s.distress_after) {
      ++p.pairs;
      p.change += *s.distress_after - *s.distress_before;
      ++out.distress.n;
      before_sum += *s.distress_before;
      after_sum += *s.distress_after;
    }
    // Weeks before the window, or a start a little ahead of our clock that
    // falls in next week, count in the totals only.
    const auto offset = (MondayOf(LocalDayOf(*zone, s.started_at)) - first).count();
    if (offset < 0) continue;
    const auto index = static_cast<std::size_t>(offset / 7);
    if (index >= out.weeks.size()) continue;
    ++out.weeks[index].sessions;
    out.weeks[index].seconds += s.duration_seconds;
  }
  for (auto& w : out.weeks) w.minutes = MinutesOf(w.seconds);
  out.total_minutes = MinutesOf(out.total_seconds);
  if (out.distress.n >= kMinDistressPairs) {
    out.distress.mean_before = RoundedTenths(before_sum, out.distress.n);
    out.distress.mean_after = RoundedTenths(after_sum, out.distress.n);
  }

  for (const auto& [id, sums] : per_practice) {
    PracticeTally t;
    t.practice_id = id;
    const Practice* p = FindPractice(practices, id);
    t.title = p ? p->title : id;
    t.sessions = sums.sessions;
    t.seconds = sums.seconds;
    t.minutes = MinutesOf(sums.seconds);
    t.distress.n = sums.pairs;
    if (sums.pairs >= kMinDistressPairs) {
      t.distress.mean_change = RoundedTenths(sums.change, sums.pairs);
    }
    out.practices.push_back(std::move(t));
  }
  // The map gave id order; a stable sort keeps it among equal counts.
  std::stable_sort(
      out.practices.begin(), out.practices.end(),
      [](const PracticeTally& a, const PracticeTally& b) { return a.sessions > b.sessions; });
  return out;
}

}  // namespace securebase::domain
