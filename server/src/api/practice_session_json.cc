#include "api/practice_session_json.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "api/json_fields.h"
#include "api/json_number.h"
#include "common/rfc3339.h"

namespace securebase::api {

namespace json = boost::json;

namespace {

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

json::value OrNull(const std::optional<int>& v) {
  if (!v) return nullptr;
  return json::value(*v);
}

json::value Tenths(const std::optional<double>& v) {
  if (!v) return nullptr;
  return JsonNumber(*v);
}

}  // namespace

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
    weeks.push_back(json::object{
        {"start", w.start}, {"sessions", w.sessions}, {"minutes", JsonNumber(w.minutes)}});
  }
  json::array practices;
  for (const auto& p : stats.practices) {
    json::value mean = nullptr;
    if (p.distress.mean_change) mean = JsonNumber(*p.distress.mean_change);
    practices.push_back(
        json::object{{"practice_id", p.practice_id},
                     {"title", p.title},
                     {"sessions", p.sessions},
                     {"minutes", JsonNumber(p.minutes)},
                     {"distress", json::object{{"n", p.distress.n}, {"mean_change", mean}}}});
  }
  return {
      {"time_zone", stats.time_zone},
      {"weeks", std::move(weeks)},
      {"practices", std::move(practices)},
      {"totals", json::object{{"sessions", stats.total_sessions},
                              {"minutes", JsonNumber(stats.total_minutes)},
                              {"distress",
                               json::object{{"n", stats.distress.n},
                                            {"mean_before", Tenths(stats.distress.mean_before)},
                                            {"mean_after", Tenths(stats.distress.mean_after)}}}}}};
}

}  // namespace securebase::api
