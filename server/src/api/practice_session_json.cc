#include "api/practice_session_json.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "api/json_fields.h"
#include "common/rfc3339.h"

namespace securebase::api {

namespace json = boost::json;

namespace {

// The digits text[pos, pos + n) as a number; -1 unless all are digits.
int Digits(std::string_view text, std::size_t pos, std::size_t n) {
  if (pos + n > text.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

bool At(std::string_view text, std::size_t pos, char c) {
  return pos < text.size() && text[pos] == c;
}

// A whole JSON number that fits the rules' range checks, or nullopt (with
// a field error) for a fraction. Values far out of range are kept far out
// of range, without overflowing.
std::optional<std::int64_t> WholeNumber(const std::optional<double>& value, const char* field,
                                        const char* message, std::vector<FieldError>& errors) {
  if (!value) return std::nullopt;
  if (!std::isfinite(*value) || std::floor(*value) != *value) {
    errors.push_back({field, message});
    return std::nullopt;
  }
  constexpr double kFar = 1e15;
  return static_cast<std::int64_t>(std::clamp(*value, -kFar, kFar));
}

// A whole number as an integer (5, not Boost.JSON's 5E0), as the catalogue
// writes them; minutes and means otherwise keep their one decimal.
json::value Number(double x) {
  if (std::trunc(x) == x && std::abs(x) < 1e15) return json::value(static_cast<std::int64_t>(x));
  return json::value(x);
}

json::value OrNull(const std::optional<int>& v) {
  if (!v) return nullptr;
  return json::value(*v);
}

}  // namespace

std::optional<Instant> ParseRfc3339(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)
  const int year = Digits(t, 0, 4), month = Digits(t, 5, 2), day = Digits(t, 8, 2);
  const int hour = Digits(t, 11, 2), minute = Digits(t, 14, 2), second = Digits(t, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return std::nullopt;
  if (!At(t, 4, '-') || !At(t, 7, '-') || !(At(t, 10, 'T') || At(t, 10, 't')) || !At(t, 13, ':') ||
      !At(t, 16, ':')) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  if (At(t, pos, '.')) {
    const std::size_t digits_from = ++pos;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    if (pos == digits_from) return std::nullopt;
  }
  int offset_minutes = 0;
  if (At(t, pos, 'Z') || At(t, pos, 'z')) {
    ++pos;
  } else if (At(t, pos, '+') || At(t, pos, '-')) {
    const int sign = t[pos] == '-' ? -1 : 1;
    const int oh = Digits(t, pos + 1, 2), om = Digits(t, pos + 4, 2);
    if (oh < 0 || om < 0 || !At(t, pos + 3, ':') || oh > 23 || om > 59) return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != t.size()) return std::nullopt;

  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year(year),
                           std::chrono::month(static_cast<unsigned>(month)),
                           std::chrono::day(static_cast<unsigned>(day))};
  // No leap seconds: a clock that shows :60 is rare enough to refuse.
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const sys_seconds at =
      sys_days(ymd) + hours(hour) + minutes(minute) + seconds(second) - minutes(offset_minutes);
  return Instant{duration_cast<milliseconds>(at.time_since_epoch()).count()};
}

DecodedPracticeSession DecodePracticeSession(const json::object& body) {
  DecodedPracticeSession out;
  JsonFields f(body);
  out.draft.id = f.Text("id");
  out.draft.practice_id = f.Text("practice_id");
  const std::optional<std::string> started = f.OptionalText("started_at");
  const auto duration = f.OptionalNumber("duration_seconds");
  const auto before = f.OptionalNumber("distress_before");
  const auto after = f.OptionalNumber("distress_after");
  if (auto typed = f.Check(); !typed) out.errors = typed.error().fields;

  if (started) {
    out.draft.started_at = ParseRfc3339(*started);
    if (!out.draft.started_at) {
      out.errors.push_back({"started_at", "must be a date and time such as 2026-11-29T08:00:00Z"});
    }
  }
  out.draft.duration_seconds =
      WholeNumber(duration, "duration_seconds",
                  "must be a whole number of seconds from 1 to 14400 (four hours)", out.errors);
  constexpr const char* kDistress = "must be a whole number from 0 to 10, or null to skip it";
  out.draft.distress_before = WholeNumber(before, "distress_before", kDistress, out.errors);
  out.draft.distress_after = WholeNumber(after, "distress_after", kDistress, out.errors);
  return out;
}

json::object EncodePracticeSession(const domain::PracticeSession& s) {
  return {{"id", s.id},
          {"practice_id", s.practice_id},
          {"started_at", Rfc3339(s.started_at)},
          {"duration_seconds", s.duration_seconds},
          {"distress_before", OrNull(s.distress_before)},
          {"distress_after", OrNull(s.distress_after)},
          {"recorded_at", Rfc3339(s.recorded_at)}};
}

json::object EncodePracticeSessionPage(const domain::PracticeSessionPage& page) {
  json::array sessions;
  for (const auto& s : page.sessions) sessions.push_back(EncodePracticeSession(s));
  json::value next = nullptr;
  if (page.next_before) next = json::value(Rfc3339(*page.next_before));
  return {{"sessions", std::move(sessions)}, {"next_before", std::move(next)}};
}

json::object EncodePracticeStats(const domain::PracticeStats& stats) {
  json::array weeks;
  for (const auto& w : stats.weeks) {
    weeks.push_back(
        json::object{{"start", w.start}, {"sessions", w.sessions}, {"minutes", Number(w.minutes)}});
  }
  json::array practices;
  for (const auto& p : stats.practices) {
    json::value mean = nullptr;
    if (p.distress.mean_change) mean = Number(*p.distress.mean_change);
    practices.push_back(
        json::object{{"practice_id", p.practice_id},
                     {"title", p.title},
                     {"sessions", p.sessions},
                     {"minutes", Number(p.minutes)},
                     {"distress", json::object{{"n", p.distress.n}, {"mean_change", mean}}}});
  }
  return {{"time_zone", stats.time_zone},
          {"weeks", std::move(weeks)},
          {"practices", std::move(practices)},
          {"totals", json::object{{"sessions", stats.total_sessions},
                                  {"minutes", Number(stats.total_minutes)}}}};
}

}  // namespace securebase::api
