#include "api/share_json.h"

#include "api/booking_json.h"
#include "api/checkin_json.h"
#include "api/course_json.h"
#include "api/journal_json.h"
#include "api/practice_session_json.h"
#include "common/rfc3339.h"

namespace securebase::api {

namespace json = boost::json;

namespace {

json::object EncodeKinds(const std::optional<domain::Share>& share, bool count_entries) {
  const domain::Share none;
  const domain::Share& s = share ? *share : none;
  json::value entries;
  if (count_entries) {
    entries = static_cast<std::int64_t>(s.journal_entry_ids.size());
  } else {
    json::array ids;
    for (const auto& id : s.journal_entry_ids) ids.push_back(json::string(id));
    entries = std::move(ids);
  }
  return {{"checkins", s.checkins},
          {"practice", s.practice},
          {"course", s.course},
          {"journal_entries", std::move(entries)}};
}

json::object EncodeClient(const domain::User& u) {
  return {{"id", u.id}, {"name", u.display_name}, {"email", u.email}, {"time_zone", u.time_zone}};
}

json::value Time(const std::optional<Instant>& at) {
  return at ? json::value(Rfc3339(*at)) : json::value(nullptr);
}

}  // namespace

json::object EncodePractitionerShare(const domain::PractitionerShare& ps) {
  return {
      {"practitioner", json::object{{"id", ps.practitioner_id}, {"name", ps.practitioner_name}}},
      {"share", EncodeKinds(ps.share, /*count_entries=*/false)},
      {"updated_at", Time(ps.share ? std::optional(ps.share->updated_at) : std::nullopt)}};
}

json::object EncodeClientSummary(const domain::ClientSummary& summary) {
  json::object out = EncodeClient(summary.client);
  out["shares"] = EncodeKinds(summary.share, /*count_entries=*/true);
  out["sessions"] = json::object{{"upcoming", summary.sessions.upcoming},
                                 {"past", summary.sessions.past},
                                 {"next_start", Time(summary.sessions.next_start)}};
  return out;
}

json::object EncodeClientRecord(const domain::ClientRecord& r) {
  json::value checkins = nullptr;
  if (r.checkins) {
    json::array list;
    for (const auto& c : *r.checkins) list.push_back(EncodeCheckin(c, r.content->questionnaires));
    checkins = json::object{{"checkins", std::move(list)}};
  }
  json::value courses = nullptr;
  if (r.courses) {
    json::array list;
    for (const auto& c : *r.courses) list.push_back(EncodeCourse(c.status, false));
    courses = json::object{{"courses", std::move(list)}};
  }
  json::array entries;
  for (const auto& e : r.journal_entries) entries.push_back(EncodeJournalEntry(e));
  json::array sessions;
  for (const auto& s : r.sessions) sessions.push_back(EncodeConsoleBooking(s));
  const bool shares = r.share && r.share->Any();
  return {{"client", EncodeClient(r.client)},
          {"shared",
           json::object{{"checkins", std::move(checkins)},
                        {"practice", r.practice ? json::value(EncodePracticeStats(*r.practice))
                                                : json::value(nullptr)},
                        {"course", std::move(courses)},
                        {"journal_entries", std::move(entries)}}},
          {"shared_since", Time(shares ? std::optional(r.share->updated_at) : std::nullopt)},
          {"sessions", std::move(sessions)}};
}

}  // namespace securebase::api
