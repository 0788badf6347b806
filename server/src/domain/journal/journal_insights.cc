#include "domain/journal/journal_insights.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <variant>

#include "domain/course/sign_ids.h"
#include "domain/calendar/local_calendar.h"
#include "domain/practice/practice_stats.h"

namespace securebase::domain {
namespace {

struct HelpedSums {
  int count = 0;
  int rated = 0;
  std::int64_t drop = 0;  // sum of before − after over the rated logs
};

void CountState(StateTally& tally, const std::optional<NervousState>& state) {
  if (!state) {
    ++tally.unknown;
    return;
  }
  switch (*state) {
    case NervousState::kSettled: ++tally.settled; break;
    case NervousState::kActivated: ++tally.activated; break;
    case NervousState::kShutDown: ++tally.shut_down; break;
  }
}

void CountId(std::vector<IdCount>& counts, const std::string& id) {
  auto it =
      std::find_if(counts.begin(), counts.end(), [&](const IdCount& c) { return c.id == id; });
  if (it == counts.end()) {
    counts.push_back({id, 1});
  } else {
    ++it->count;
  }
}

// Most first; std::map gave id order and the stable sort keeps it in ties.
std::vector<IdCount> MostFirst(const std::map<std::string, int, std::less<>>& counts) {
  std::vector<IdCount> out;
  for (const auto& [id, n] : counts) out.push_back({id, n});
  std::stable_sort(out.begin(), out.end(),
                   [](const IdCount& a, const IdCount& b) { return a.count > b.count; });
  return out;
}

DayPart PartOfDay(const date::time_zone& zone, Instant at) {
  const date::local_seconds local = LocalTimeOf(zone, at);
  const auto hour = date::floor<std::chrono::hours>(local - date::floor<date::days>(local)).count();
  if (hour < 6) return DayPart::kNight;
  if (hour < 12) return DayPart::kMorning;
  if (hour < 18) return DayPart::kAfternoon;
  return DayPart::kEvening;
}

}  // namespace

std::string_view DayPartId(DayPart part) {
  switch (part) {
    case DayPart::kNight: return "night";
    case DayPart::kMorning: return "morning";
    case DayPart::kAfternoon: return "afternoon";
    case DayPart::kEvening: return "evening";
  }
  return "night";
}

Result<JournalInsights> SummarizeTriggerLogs(const std::vector<JournalEntry>& entries,
                                             int unreadable, std::string_view time_zone,
                                             Instant now, int weeks) {
  std::vector<FieldError> errors;
  const date::time_zone* zone = FindTimeZone(time_zone);
  if (!zone)
    errors.push_back({"tz",
                      "is not a time zone we know; use an IANA name such as "
                      "Europe/London"});
  if (weeks < kMinInsightWeeks || weeks > kMaxInsightWeeks) {
    errors.push_back({"weeks", "must be a whole number from 1 to 52"});
  }
  if (!errors.empty()) {
    const std::string message = errors.front().field + " " + errors.front().message + ".";
    return InvalidArgument(message, std::move(errors));
  }

  JournalInsights out;
  out.unreadable = unreadable;
  for (const auto& e : entries) {
    if (std::holds_alternative<TriggerLog>(e.contents.body)) ++out.trigger_count;
  }
  out.ready = out.trigger_count >= out.minimum;
  // The four parts of the day are always there; below the minimum they
  // count nothing, like the other lists that are empty then.
  for (const auto part :
       {DayPart::kNight, DayPart::kMorning, DayPart::kAfternoon, DayPart::kEvening}) {
    out.time_of_day.push_back({part, 0});
  }
  if (!out.ready) return out;

  const date::local_days first = MondayOf(LocalDayOf(*zone, now)) - date::days(7 * (weeks - 1));
  out.weeks.resize(static_cast<std::size_t>(weeks));
  for (int i = 0; i < weeks; ++i) {
    InsightWeek& w = out.weeks[static_cast<std::size_t>(i)];
    w.week_start = IsoDate(first + date::days(7 * i));
    for (const auto sign : kSignIds) w.signs.push_back({std::string(sign), 0});
  }

  std::map<std::string, int, std::less<>> signs;
  std::map<std::string, int, std::less<>> urges;
  std::map<std::string, HelpedSums, std::less<>> helped;
  StateTally states;
  std::array<int, 4> parts{};
  for (const auto& e : entries) {
    const auto* log = std::get_if<TriggerLog>(&e.contents.body);
    if (!log) continue;
    CountState(states, log->state);
    for (const auto& s : log->signs) ++signs[s];
    for (const auto& u : log->urges) ++urges[u];
    const bool rated = log->intensity_before && log->intensity_after;
    for (const auto& h : log->helped) {
      HelpedSums& sums = helped[h];
      ++sums.count;
      if (rated) {
        ++sums.rated;
        sums.drop += *log->intensity_before - *log->intensity_after;
      }
    }
    ++parts[static_cast<std::size_t>(PartOfDay(*zone, e.occurred_at))];

    // Weeks before the window, or a log a little ahead of our clock that
    // falls in next week, count in the other tallies only.
    const auto offset = (MondayOf(LocalDayOf(*zone, e.occurred_at)) - first).count();
    if (offset < 0) continue;
    const auto index = static_cast<std::size_t>(offset / 7);
    if (index >= out.weeks.size()) continue;
    InsightWeek& week = out.weeks[index];
    ++week.count;
    CountState(week.states, log->state);
    for (const auto& s : log->signs) CountId(week.signs, s);
  }

  out.signs = MostFirst(signs);
  out.urges = MostFirst(urges);

  // In id order, so that the stable sort leaves ties that way.
  out.states = {{NervousState::kActivated, states.activated},
                {NervousState::kSettled, states.settled},
                {NervousState::kShutDown, states.shut_down},
                {std::nullopt, states.unknown}};
  std::stable_sort(out.states.begin(), out.states.end(),
                   [](const StateCount& a, const StateCount& b) { return a.count > b.count; });

  for (const auto& [id, sums] : helped) {
    HelpedCount h;
    h.helped = id;
    h.count = sums.count;
    h.rated = sums.rated;
    if (sums.rated >= kMinHelpedRated) h.mean_drop = RoundedTenths(sums.drop, sums.rated);
    out.helped.push_back(std::move(h));
  }
  std::stable_sort(out.helped.begin(), out.helped.end(),
                   [](const HelpedCount& a, const HelpedCount& b) {
                     if (a.mean_drop.has_value() != b.mean_drop.has_value()) {
                       return a.mean_drop.has_value();
                     }
                     if (a.mean_drop && *a.mean_drop != *b.mean_drop) {
                       return *a.mean_drop > *b.mean_drop;
                     }
                     return a.count > b.count;
                   });

  for (std::size_t i = 0; i < parts.size(); ++i) out.time_of_day[i].count = parts[i];
  return out;
}

}  // namespace securebase::domain
