// Feeds each API body type to its decoder (server/src/api/*_json.cc). The
// first byte of an input picks the body type, the rest is the body:
//
//   0 POST /bookings          DecodeBookingRequest
//   1 PUT /journal/entries/.. DecodeJournalDraft
//   2 POST /practice-sessions DecodePracticeSession
//   3 PUT /console/schedule   DecodeSchedule
//   4 PUT /console/booking-settings  DecodeBookingSettings
//   5 POST /console/session-types    DecodeSessionType
//   6 a journal entry's sealed plaintext  JsonJournalContentsCodec::Decode
//   7 a clock time "HH:MM"    ParseClockTime
//
// Beyond "no crash" it checks round trips where the server makes them: a
// schedule, booking settings or session type that decodes cleanly and
// passes the domain's check encodes to JSON that decodes to the same JSON
// again, and survives its stored text form (ScheduleToText/FromText and
// the like); a journal draft that reads cleanly seals to a plaintext that
// opens to the same contents; a clock time formats back to what it parsed.
// Every field error has a message.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/booking_json.h"
#include "api/journal_json.h"
#include "api/practice_session_json.h"
#include "api/scheduling_json.h"
#include "domain/scheduling/scheduling_setup.h"

namespace {

namespace json = boost::json;
using namespace securebase;

void Require(bool ok) {
  if (!ok) std::abort();
}

// Every error says what is wrong. (Its field may be "": a body may have a
// key "" that is not a field we know.)
void RequireNamed(const std::vector<FieldError>& errors) {
  for (const auto& e : errors) Require(!e.message.empty());
}

// Decode → check → encode → decode → encode: the two encodings agree, and
// the stored text form reads back to the same encoding.
template <class T, class Decode, class Check, class Encode, class ToText, class FromText>
void RoundTrip(const json::object& body, Decode decode, Check check, Encode encode, ToText to_text,
               FromText from_text) {
  auto first = decode(body);
  RequireNamed(first.errors);
  if (!first.errors.empty() || !check(first.value).empty()) return;
  const json::object encoded = encode(first.value);
  auto second = decode(encoded);
  Require(second.errors.empty());
  Require(json::serialize(encode(second.value)) == json::serialize(encoded));
  auto stored = from_text(to_text(first.value));
  Require(stored.has_value());
  Require(json::serialize(encode(*stored)) == json::serialize(encoded));
}

void Journal(const json::object& body) {
  const auto decoded = api::DecodeJournalDraft("0f8fad5b-d9cb-469f-a165-70867728950e", body);
  RequireNamed(decoded.errors);
  if (!decoded.errors.empty()) return;
  const api::JsonJournalContentsCodec codec;
  const std::string sealed = codec.Encode(decoded.draft.contents);
  auto opened = codec.Decode(sealed);
  Require(opened.has_value());
  Require(codec.Encode(*opened) == sealed);
}

void SealedContents(std::string_view plaintext) {
  const api::JsonJournalContentsCodec codec;
  auto opened = codec.Decode(plaintext);
  if (!opened) return;
  const std::string sealed = codec.Encode(*opened);
  auto again = codec.Decode(sealed);
  Require(again.has_value());
  Require(codec.Encode(*again) == sealed);
}

void ClockTime(std::string_view text) {
  const auto minutes = api::ParseClockTime(text);
  if (!minutes) return;
  Require(*minutes >= 0 && *minutes <= 24 * 60);
  Require(api::ParseClockTime(api::FormatClockTime(*minutes)) == minutes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int kind = data[0] % 8;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (kind == 6) {
    SealedContents(text);
    return 0;
  }
  if (kind == 7) {
    ClockTime(text);
    return 0;
  }
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) return 0;
  const json::object& body = value.as_object();
  switch (kind) {
    case 0: RequireNamed(api::DecodeBookingRequest(body).errors); break;
    case 1: Journal(body); break;
    case 2: RequireNamed(api::DecodePracticeSession(body).errors); break;
    case 3:
      RoundTrip<domain::Schedule>(body, api::DecodeSchedule, domain::CheckSchedule,
                                  api::EncodeSchedule, domain::ScheduleToText,
                                  domain::ScheduleFromText);
      break;
    case 4:
      RoundTrip<domain::BookingSettings>(body, api::DecodeBookingSettings,
                                         domain::CheckBookingSettings, api::EncodeBookingSettings,
                                         domain::BookingSettingsToText,
                                         domain::BookingSettingsFromText);
      break;
    case 5:
      RoundTrip<domain::SessionType>(
          body, api::DecodeSessionType, domain::CheckSessionType, api::EncodeSessionType,
          // Stored types have the id the server gives them.
          [](domain::SessionType t) {
            t.id = "st_fuzz";
            return domain::SessionTypesToText({t});
          },
          [](std::string_view t) -> Result<domain::SessionType> {
            auto types = domain::SessionTypesFromText(t);
            if (!types) return std::unexpected(types.error());
            Require(types->size() == 1 && types->front().id == "st_fuzz");
            types->front().id.clear();
            return std::move(types->front());
          });
      break;
  }
  return 0;
}
