#include "domain/scheduling/scheduling_setup.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <sstream>

#include "common/random.h"
#include "domain/calendar/local_calendar.h"
#include "domain/scheduling/text_pairs.h"

namespace securebase::domain {

namespace {

constexpr std::string_view kScheduleKey = "scheduling.schedule";
constexpr std::string_view kSettingsKey = "scheduling.booking-settings";
constexpr std::string_view kTypesKey = "scheduling.session-types";

std::optional<int> ParseInt(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::vector<int> ParseInts(std::string_view text) {
  std::vector<int> out;
  std::istringstream in{std::string(text)};
  int v = 0;
  while (in >> v) out.push_back(v);
  return out;
}

std::string Join(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
}

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

Error Damaged(std::string_view what) {
  return Error{ErrorCode::kInternal, "The stored " + std::string(what) + " could not be read.", {}};
}

// The value stored under `key`, or nullopt when never saved.
Result<std::optional<std::string>> Load(SettingsRepository& settings, std::string_view key) {
  auto found = settings.Get(key);
  if (!found) return std::unexpected(found.error());
  if (!*found) return std::optional<std::string>{};
  return std::optional<std::string>{(*found)->value};
}

std::string EncodeType(const SessionType& t) {
  TextPairs p = {{"id", t.id},
                 {"name", t.name},
                 {"description", t.description},
                 {"duration", std::to_string(t.duration_minutes)},
                 {"buffer_before", std::to_string(t.buffer_before_minutes)},
                 {"buffer_after", std::to_string(t.buffer_after_minutes)},
                 {"notice", std::to_string(t.minimum_notice_minutes)},
                 {"horizon", std::to_string(t.horizon_days)},
                 {"step", std::to_string(t.slot_step_minutes)},
                 {"price", t.price},
                 {"new_clients", t.new_clients ? "1" : "0"},
                 {"active", t.active ? "1" : "0"}};
  for (const auto& q : t.intake) {
    p.emplace_back(
        "q", EncodeTextPairs(
                 {{"id", q.id}, {"question", q.question}, {"required", q.required ? "1" : "0"}}));
  }
  return EncodeTextPairs(p);
}

Result<SessionType> DecodeType(std::string_view text) {
  auto pairs = DecodeTextPairs(text);
  if (!pairs) return std::unexpected(Damaged("session type"));
  SessionType t;
  const auto number = [&](std::string_view name, int& into) {
    if (const auto* v = FindText(*pairs, name)) {
      if (auto n = ParseInt(*v)) into = *n;
    }
  };
  const auto text_of = [&](std::string_view name) {
    const auto* v = FindText(*pairs, name);
    return v ? *v : std::string();
  };
  t.id = text_of("id");
  t.name = text_of("name");
  t.description = text_of("description");
  number("duration", t.duration_minutes);
  number("buffer_before", t.buffer_before_minutes);
  number("buffer_after", t.buffer_after_minutes);
  number("notice", t.minimum_notice_minutes);
  number("horizon", t.horizon_days);
  number("step", t.slot_step_minutes);
  t.price = text_of("price");
  t.new_clients = text_of("new_clients") == "1";
  t.active = text_of("active") == "1";
  for (const auto& [name, value] : *pairs) {
    if (name != "q") continue;
    auto q = DecodeTextPairs(value);
    if (!q) return std::unexpected(Damaged("intake question"));
    IntakeQuestion question;
    if (const auto* v = FindText(*q, "id")) question.id = *v;
    if (const auto* v = FindText(*q, "question")) question.question = *v;
    const auto* required = FindText(*q, "required");
    question.required = required && *required == "1";
    t.intake.push_back(std::move(question));
  }
  if (t.id.empty()) return std::unexpected(Damaged("session type"));
  return t;
}

Status Refuse(std::vector<FieldError> errors) {
  return InvalidArgument("Some of this needs another look.", std::move(errors));
}

}  // namespace

std::string ScheduleToText(const Schedule& s) {
  TextPairs p = {{"zone", s.time_zone}};
  for (const auto& w : s.weekly) {
    p.emplace_back("weekly", std::to_string(w.weekday) + " " +
                                 std::to_string(w.range.start_minute) + " " +
                                 std::to_string(w.range.end_minute));
  }
  for (const auto& o : s.overrides) {
    std::string value = IsoDate(date::local_days{o.date});
    for (const auto& r : o.ranges) {
      value += " " + std::to_string(r.start_minute) + " " + std::to_string(r.end_minute);
    }
    p.emplace_back("override", std::move(value));
  }
  return EncodeTextPairs(p);
}

Result<Schedule> ScheduleFromText(std::string_view text) {
  auto pairs = DecodeTextPairs(text);
  if (!pairs) return std::unexpected(Damaged("schedule"));
  Schedule s;
  for (const auto& [name, value] : *pairs) {
    if (name == "zone") {
      s.time_zone = value;
    } else if (name == "weekly") {
      const auto n = ParseInts(value);
      if (n.size() != 3) return std::unexpected(Damaged("schedule"));
      s.weekly.push_back({n[0], {n[1], n[2]}});
    } else if (name == "override") {
      const auto day = ParseIsoDate(std::string_view(value).substr(0, 10));
      const auto n = ParseInts(value.size() > 10 ? std::string_view(value).substr(10) : "");
      if (!day || n.size() % 2 != 0) return std::unexpected(Damaged("schedule"));
      DateOverride o{*day, {}};
      for (std::size_t i = 0; i < n.size(); i += 2) o.ranges.push_back({n[i], n[i + 1]});
      s.overrides.push_back(std::move(o));
    }
  }
  return s;
}

std::string BookingSettingsToText(const BookingSettings& s) {
  return EncodeTextPairs({{"countries", Join(s.served_countries)},
                          {"us_states", Join(s.served_us_states)},
                          {"outside_message", s.outside_message},
                          {"video_mode", VideoModeName(s.video_mode)},
                          {"video_url", s.video_url},
                          {"late_window_hours", std::to_string(s.late_window_hours)},
                          {"late_action", LateActionName(s.late_action)},
                          {"cancellation_text", s.cancellation_text}});
}

Result<BookingSettings> BookingSettingsFromText(std::string_view text) {
  auto pairs = DecodeTextPairs(text);
  if (!pairs) return std::unexpected(Damaged("booking settings"));
  BookingSettings s;
  const auto text_of = [&](std::string_view name) {
    const auto* v = FindText(*pairs, name);
    return v ? *v : std::string();
  };
  s.served_countries = Split(text_of("countries"));
  s.served_us_states = Split(text_of("us_states"));
  s.outside_message = text_of("outside_message");
  s.video_mode = ParseVideoMode(text_of("video_mode")).value_or(VideoMode::kNone);
  s.video_url = text_of("video_url");
  s.late_window_hours = ParseInt(text_of("late_window_hours")).value_or(48);
  s.late_action = ParseLateAction(text_of("late_action")).value_or(LateAction::kAllow);
  s.cancellation_text = text_of("cancellation_text");
  return s;
}

std::string SessionTypesToText(const std::vector<SessionType>& types) {
  TextPairs p;
  for (const auto& t : types) p.emplace_back("type", EncodeType(t));
  return EncodeTextPairs(p);
}

Result<std::vector<SessionType>> SessionTypesFromText(std::string_view text) {
  auto pairs = DecodeTextPairs(text);
  if (!pairs) return std::unexpected(Damaged("session types"));
  std::vector<SessionType> out;
  for (const auto& [name, value] : *pairs) {
    auto type = DecodeType(value);
    if (!type) return std::unexpected(type.error());
    out.push_back(std::move(*type));
  }
  return out;
}

Result<Schedule> SchedulingSetup::GetSchedule() const {
  auto stored = Load(settings_, kScheduleKey);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored) return Schedule{};
  return ScheduleFromText(**stored);
}

Status SchedulingSetup::SaveSchedule(const Schedule& schedule) {
  if (auto errors = CheckSchedule(schedule); !errors.empty()) return Refuse(std::move(errors));
  auto saved = settings_.Put(kScheduleKey, ScheduleToText(schedule), clock_.Now());
  if (saved) Changed();
  return saved;
}

Result<BookingSettings> SchedulingSetup::GetSettings() const {
  auto stored = Load(settings_, kSettingsKey);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored) return BookingSettings{};
  return BookingSettingsFromText(**stored);
}

Status SchedulingSetup::SaveSettings(const BookingSettings& settings) {
  if (auto errors = CheckBookingSettings(settings); !errors.empty()) {
    return Refuse(std::move(errors));
  }
  return settings_.Put(kSettingsKey, BookingSettingsToText(settings), clock_.Now());
}

Result<std::vector<SessionType>> SchedulingSetup::Types(bool include_archived) const {
  auto stored = Load(settings_, kTypesKey);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored) return std::vector<SessionType>{};
  auto types = SessionTypesFromText(**stored);
  if (!types || include_archived) return types;
  std::erase_if(*types, [](const SessionType& t) { return !t.active; });
  return types;
}

Result<SessionType> SchedulingSetup::FindType(std::string_view id) const {
  auto types = Types(true);
  if (!types) return std::unexpected(types.error());
  for (auto& t : *types) {
    if (t.id == id) return std::move(t);
  }
  return NotFound("We couldn't find that kind of session.");
}

Status SchedulingSetup::SaveTypes(const std::vector<SessionType>& types) {
  auto saved = settings_.Put(kTypesKey, SessionTypesToText(types), clock_.Now());
  if (saved) Changed();
  return saved;
}

Result<SessionType> SchedulingSetup::AddType(SessionType type) {
  if (auto errors = CheckSessionType(type); !errors.empty()) {
    return std::unexpected(Refuse(std::move(errors)).error());
  }
  auto types = Types(true);
  if (!types) return std::unexpected(types.error());
  if (types->size() >= 50) {
    return InvalidArgument("Archive a session type you no longer offer before adding another.");
  }
  type.id = "st_" + NewId();
  types->push_back(type);
  if (auto saved = SaveTypes(*types); !saved) return std::unexpected(saved.error());
  return type;
}

Result<SessionType> SchedulingSetup::ReplaceType(std::string_view id, SessionType type) {
  if (auto errors = CheckSessionType(type); !errors.empty()) {
    return std::unexpected(Refuse(std::move(errors)).error());
  }
  auto types = Types(true);
  if (!types) return std::unexpected(types.error());
  const auto it =
      std::find_if(types->begin(), types->end(), [&](const SessionType& t) { return t.id == id; });
  if (it == types->end()) return NotFound("We couldn't find that kind of session.");
  type.id = it->id;
  *it = type;
  if (auto saved = SaveTypes(*types); !saved) return std::unexpected(saved.error());
  return type;
}

Status SchedulingSetup::ArchiveType(std::string_view id) {
  auto types = Types(true);
  if (!types) return std::unexpected(types.error());
  const auto it =
      std::find_if(types->begin(), types->end(), [&](const SessionType& t) { return t.id == id; });
  if (it == types->end()) return NotFound("We couldn't find that kind of session.");
  it->active = false;
  return SaveTypes(*types);
}

}  // namespace securebase::domain
