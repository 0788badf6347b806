#include "api/scheduling_json.h"

#include <fmt/format.h>

#include <array>

#include "api/json_reader.h"
#include "domain/calendar/local_calendar.h"

namespace securebase::api {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

json::array Strings(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list) out.emplace_back(s);
  return out;
}

class SetupReader : public JsonReader {
 public:
  using JsonReader::JsonReader;

  // A "HH:MM" field; -1 when it cannot be read (named as an error).
  int Clock(const json::object& o, std::string_view at, std::string_view key) {
    const std::string text = Text(o, at, key);
    if (auto minutes = ParseClockTime(text)) return *minutes;
    Fail(Join(at, key), "must be a time of day such as 09:30 (24:00 for the end of the day)");
    return -1;
  }

  domain::LocalRange Range(const json::object& o, std::string_view at) {
    OnlyKnown(o, at, {"start", "end"});
    return {Clock(o, at, "start"), Clock(o, at, "end")};
  }

  std::vector<domain::LocalRange> Ranges(const json::object& o, std::string_view at) {
    std::vector<domain::LocalRange> out;
    const json::array* items = Array(o, at, "ranges");
    if (!items) {
      if (!o.contains("ranges")) Fail(Join(at, "ranges"), "is required: [] for a day off");
      return out;
    }
    const std::string path = Join(at, "ranges");
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (!(*items)[i].is_object()) {
        Fail(Indexed(path, i), "must be an object with start and end");
        continue;
      }
      out.push_back(Range((*items)[i].get_object(), Indexed(path, i)));
    }
    return out;
  }

  int Number(const json::object& o, std::string_view key, int fallback) {
    const std::string path = Join("", key);
    auto n = Whole(o.if_contains(key), path, "must be a whole number");
    return n ? *n : fallback;
  }
};

}  // namespace

std::optional<int> ParseClockTime(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  int h = 0, m = 0;
  const auto read = [](std::string_view part, int& into) {
    if (part[0] < '0' || part[0] > '9' || part[1] < '0' || part[1] > '9') return false;
    into = (part[0] - '0') * 10 + (part[1] - '0');
    return true;
  };
  if (!read(text.substr(0, 2), h) || !read(text.substr(3, 2), m)) return std::nullopt;
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string FormatClockTime(int minutes) {
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

Decoded<domain::Schedule> DecodeSchedule(const json::object& body) {
  Decoded<domain::Schedule> out;
  SetupReader r(out.errors, /*strict=*/true);
  r.OnlyKnown(body, "", {"time_zone", "weekly", "overrides"});
  out.value.time_zone = r.Text(body, "", "time_zone");
  if (const json::array* weekly = r.Array(body, "", "weekly")) {
    for (std::size_t i = 0; i < weekly->size(); ++i) {
      const std::string at = JsonReader::Indexed("weekly", i);
      if (!(*weekly)[i].is_object()) {
        r.Fail(at, "must be an object with weekday, start and end");
        continue;
      }
      const json::object& o = (*weekly)[i].get_object();
      r.OnlyKnown(o, at, {"weekday", "start", "end"});
      const std::string day = r.Text(o, at, "weekday");
      int weekday = -1;
      for (std::size_t d = 0; d < kWeekdays.size(); ++d) {
        if (kWeekdays[d] == day) weekday = static_cast<int>(d);
      }
      if (weekday < 0) r.Fail(at + ".weekday", "must be mon, tue, wed, thu, fri, sat or sun");
      out.value.weekly.push_back({weekday, {r.Clock(o, at, "start"), r.Clock(o, at, "end")}});
    }
  }
  if (const json::array* overrides = r.Array(body, "", "overrides")) {
    for (std::size_t i = 0; i < overrides->size(); ++i) {
      const std::string at = JsonReader::Indexed("overrides", i);
      if (!(*overrides)[i].is_object()) {
        r.Fail(at, "must be an object with date and ranges");
        continue;
      }
      const json::object& o = (*overrides)[i].get_object();
      r.OnlyKnown(o, at, {"date", "ranges"});
      const auto day = domain::ParseIsoDate(r.Text(o, at, "date"));
      if (!day) r.Fail(at + ".date", "must be a date such as 2026-12-24");
      out.value.overrides.push_back({day.value_or(date::year_month_day{}), r.Ranges(o, at)});
    }
  }
  return out;
}

json::object EncodeSchedule(const domain::Schedule& s) {
  json::array weekly, overrides;
  for (const auto& w : s.weekly) {
    weekly.push_back(json::object{{"weekday", kWeekdays[static_cast<std::size_t>(w.weekday)]},
                                  {"start", FormatClockTime(w.range.start_minute)},
                                  {"end", FormatClockTime(w.range.end_minute)}});
  }
  for (const auto& o : s.overrides) {
    json::array ranges;
    for (const auto& r : o.ranges) {
      ranges.push_back(json::object{{"start", FormatClockTime(r.start_minute)},
                                    {"end", FormatClockTime(r.end_minute)}});
    }
    overrides.push_back(
        json::object{{"date", domain::IsoDate(date::local_days{o.date})}, {"ranges", ranges}});
  }
  return {{"time_zone", s.time_zone}, {"weekly", weekly}, {"overrides", overrides}};
}

Decoded<domain::BookingSettings> DecodeBookingSettings(const json::object& body) {
  Decoded<domain::BookingSettings> out;
  SetupReader r(out.errors, /*strict=*/true);
  r.OnlyKnown(body, "", {"served", "outside_message", "video", "cancellation"});
  auto& s = out.value;
  if (const json::object* served = r.Object(body, "", "served")) {
    r.OnlyKnown(*served, "served", {"countries", "us_states"});
    s.served_countries = r.TextList(*served, "served", "countries");
    s.served_us_states = r.TextList(*served, "served", "us_states");
  }
  s.outside_message = r.Text(body, "", "outside_message");
  if (const json::object* video = r.Object(body, "", "video")) {
    r.OnlyKnown(*video, "video", {"mode", "url"});
    const std::string mode = r.Text(*video, "video", "mode");
    if (auto parsed = domain::ParseVideoMode(mode.empty() ? "none" : mode)) {
      s.video_mode = *parsed;
    } else {
      r.Fail("video.mode", "must be none, fixed or jitsi");
    }
    s.video_url = r.Text(*video, "video", "url");
  }
  if (const json::object* c = r.Object(body, "", "cancellation")) {
    r.OnlyKnown(*c, "cancellation", {"late_window_hours", "late_action", "text"});
    if (auto hours = r.Whole(c->if_contains("late_window_hours"), "cancellation.late_window_hours",
                             "must be a whole number of hours")) {
      s.late_window_hours = *hours;
    }
    const std::string action = r.Text(*c, "cancellation", "late_action");
    if (auto parsed = domain::ParseLateAction(action.empty() ? "allow" : action)) {
      s.late_action = *parsed;
    } else {
      r.Fail("cancellation.late_action", "must be allow or refuse");
    }
    s.cancellation_text = r.Text(*c, "cancellation", "text");
  }
  return out;
}

json::object EncodePublicSettings(const domain::BookingSettings& s) {
  return {{"served", json::object{{"countries", Strings(s.served_countries)},
                                  {"us_states", Strings(s.served_us_states)}}},
          {"outside_message", s.outside_message},
          {"cancellation", json::object{{"late_window_hours", s.late_window_hours},
                                        {"late_action", domain::LateActionName(s.late_action)},
                                        {"text", s.cancellation_text}}}};
}

json::object EncodeBookingSettings(const domain::BookingSettings& s) {
  json::object out = EncodePublicSettings(s);
  out["video"] = json::object{{"mode", domain::VideoModeName(s.video_mode)}, {"url", s.video_url}};
  return out;
}

Decoded<domain::SessionType> DecodeSessionType(const json::object& body) {
  Decoded<domain::SessionType> out;
  SetupReader r(out.errors, /*strict=*/true);
  r.OnlyKnown(body, "",
              {"id", "name", "description", "duration_minutes", "buffer_before_minutes",
               "buffer_after_minutes", "minimum_notice_minutes", "horizon_days",
               "slot_step_minutes", "price", "new_clients", "active", "intake"});
  auto& t = out.value;
  t.name = r.Text(body, "", "name");
  t.description = r.Text(body, "", "description");
  // A missing number is 0 (or the default step), which the rules refuse or
  // accept as a choice of none.
  t.duration_minutes = r.Number(body, "duration_minutes", 0);
  t.buffer_before_minutes = r.Number(body, "buffer_before_minutes", 0);
  t.buffer_after_minutes = r.Number(body, "buffer_after_minutes", 0);
  t.minimum_notice_minutes = r.Number(body, "minimum_notice_minutes", 0);
  t.horizon_days = r.Number(body, "horizon_days", 0);
  t.slot_step_minutes = r.Number(body, "slot_step_minutes", 0);
  t.price = r.Text(body, "", "price");
  t.new_clients = r.Bool(body, "", "new_clients").value_or(true);
  t.active = r.Bool(body, "", "active").value_or(true);
  if (const json::array* intake = r.Array(body, "", "intake")) {
    for (std::size_t i = 0; i < intake->size(); ++i) {
      const std::string at = JsonReader::Indexed("intake", i);
      if (!(*intake)[i].is_object()) {
        r.Fail(at, "must be an object with id, question and required");
        continue;
      }
      const json::object& o = (*intake)[i].get_object();
      r.OnlyKnown(o, at, {"id", "question", "required"});
      t.intake.push_back({r.Text(o, at, "id"), r.Text(o, at, "question"),
                          r.Bool(o, at, "required").value_or(false)});
    }
  }
  return out;
}

json::object EncodeSessionType(const domain::SessionType& t) {
  json::array intake;
  for (const auto& q : t.intake) {
    intake.push_back(
        json::object{{"id", q.id}, {"question", q.question}, {"required", q.required}});
  }
  return {{"id", t.id},
          {"name", t.name},
          {"description", t.description},
          {"duration_minutes", t.duration_minutes},
          {"buffer_before_minutes", t.buffer_before_minutes},
          {"buffer_after_minutes", t.buffer_after_minutes},
          {"minimum_notice_minutes", t.minimum_notice_minutes},
          {"horizon_days", t.horizon_days},
          {"slot_step_minutes", t.slot_step_minutes},
          {"price", t.price},
          {"new_clients", t.new_clients},
          {"active", t.active},
          {"intake", intake}};
}

}  // namespace securebase::api
