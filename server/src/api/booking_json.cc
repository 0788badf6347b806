#include "api/booking_json.h"

#include "api/json_reader.h"
#include "common/rfc3339.h"
#include "domain/calendar/local_calendar.h"

namespace securebase::api {

namespace json = boost::json;

namespace {

constexpr std::int64_t kJoinOpensBeforeMillis = 10 * 60'000;

json::value OptionalInstant(const std::optional<Instant>& at) {
  if (!at) return nullptr;
  return json::value(Rfc3339(*at));
}

}  // namespace

Decoded<domain::BookingRequest> DecodeBookingRequest(const json::object& body) {
  Decoded<domain::BookingRequest> out;
  JsonReader r(out.errors, /*strict=*/true);
  r.OnlyKnown(
      body, "",
      {"session_type", "start", "time_zone", "client_location", "intake", "policy_accepted"});
  auto& q = out.value;
  q.session_type_id = r.Text(body, "", "session_type");
  const std::string start = r.Text(body, "", "start");
  if (auto at = ParseRfc3339(start)) {
    q.start = *at;
  } else {
    r.Fail("start", "must be a time such as 2026-03-30T08:00:00Z");
  }
  q.time_zone = r.Text(body, "", "time_zone");
  if (const json::object* where = r.Object(body, "", "client_location")) {
    r.OnlyKnown(*where, "client_location", {"country", "region"});
    q.location.country = r.Text(*where, "client_location", "country");
    q.location.region = r.Text(*where, "client_location", "region");
  }
  if (const json::object* intake = r.Object(body, "", "intake")) {
    for (const auto& answer : *intake) {
      const std::string field = JsonReader::Join("intake", answer.key());
      if (answer.value().is_null()) continue;
      if (!answer.value().is_string()) {
        r.Fail(field, "must be text");
        continue;
      }
      q.intake.emplace_back(std::string(answer.key()), std::string(answer.value().get_string()));
    }
  }
  q.policy_accepted = r.Bool(body, "", "policy_accepted").value_or(false);
  return out;
}

namespace {

// The type's questions in its order, each with the answer or null.
json::array IntakeAnswers(const domain::BookingView& v) {
  json::array intake;
  for (const auto& q : v.type.intake) {
    const auto* answer = domain::FindText(*v.intake, q.id);
    intake.push_back(json::object{{"id", q.id},
                                  {"question", q.question},
                                  {"answer", answer ? json::value(*answer) : nullptr}});
  }
  return intake;
}

}  // namespace

json::object EncodeBooking(const domain::BookingView& v) {
  const domain::Booking& b = v.booking;
  const date::time_zone* zone = domain::FindTimeZone(b.time_zone);
  json::object out{
      {"id", b.id},
      {"session_type", json::object{{"id", v.type.id},
                                    {"name", v.type.name},
                                    {"duration_minutes", v.type.duration_minutes}}},
      {"start", Rfc3339(b.start)},
      {"end", Rfc3339(b.end)},
      {"time_zone", b.time_zone},
      {"local_start", zone ? json::value(domain::LocalRfc3339(*zone, b.start)) : nullptr},
      {"status", domain::BookingStatusName(b.status)},
      {"late_cancel", b.late_cancel},
      {"video_url", b.video_url.empty() ? json::value(nullptr) : json::value(b.video_url)},
      {"join_opens_at", Rfc3339(Instant{b.start.millis - kJoinOpensBeforeMillis})},
      {"can_change", v.can_change},
      {"change_refused_reason",
       v.can_change ? json::value(nullptr) : json::value(v.change_refused_reason)},
      {"created_at", Rfc3339(b.created_at)},
      {"cancelled_at", OptionalInstant(b.cancelled_at)},
      {"sequence", b.sequence},
  };
  return out;
}

json::object EncodeConsoleBooking(const domain::CalendarEntry& entry) {
  const domain::BookingView& v = entry.view;
  const domain::ClientContact& client = entry.client;
  json::object out = EncodeBooking(v);
  // A former client (the account was deleted): the session stays on her
  // records without anyone's name.
  out["former_client"] = client.id.empty();
  out["client"] =
      client.id.empty()
          ? json::value(nullptr)
          : json::value(json::object{
                {"id", client.id}, {"display_name", client.display_name}, {"email", client.email}});
  out["client_location"] =
      json::object{{"country", v.booking.location.country}, {"region", v.booking.location.region}};
  out["has_intake"] = v.has_intake;
  if (v.intake) out["intake"] = IntakeAnswers(v);
  return out;
}

json::object EncodeBookingIntake(const domain::BookingView& v) {
  return json::object{{"booking", v.booking.id},
                      {"intake", v.intake ? IntakeAnswers(v) : json::array{}}};
}

json::array EncodeSlots(const std::vector<domain::Slot>& slots, const date::time_zone& zone,
                        const date::time_zone* practitioner_zone) {
  json::array out;
  out.reserve(slots.size());
  for (const auto& s : slots) {
    json::object slot{{"start", Rfc3339(s.start)},
                      {"end", Rfc3339(s.end)},
                      {"local", domain::LocalRfc3339(zone, s.start)}};
    if (practitioner_zone) {
      slot["practitioner_local"] = domain::LocalRfc3339(*practitioner_zone, s.start);
    }
    out.push_back(std::move(slot));
  }
  return out;
}

json::object EncodeCatalog(const domain::BookingCatalog& c) {
  json::array types;
  for (const auto& offer : c.offers) {
    json::object t = EncodeSessionType(offer.type);
    t.erase("active");
    t["bookable"] = offer.bookable;
    types.push_back(std::move(t));
  }
  json::object practice = EncodePublicSettings(c.settings);
  practice["time_zone"] = c.practitioner_time_zone;
  return {{"session_types", std::move(types)},
          {"practice", std::move(practice)},
          {"new_client", c.new_client}};
}

json::object EncodeWaitlistEntry(const domain::WaitlistEntry& e) {
  return {{"id", e.id},
          {"session_type", e.session_type_id},
          {"joined_at", Rfc3339(e.joined_at)},
          {"notified_at", e.notified_at ? json::value(Rfc3339(*e.notified_at)) : nullptr}};
}

}  // namespace securebase::api
