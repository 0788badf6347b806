// Booking: one session a client has booked with the practitioner, and where
// it stands. Its blocked time (start and end widened by its type's buffers,
// slot_engine.h) is what the database keeps from overlapping another active
// booking's.
//
// Intake answers are sealed before they are stored (booking_sealing.h): a
// Booking read from storage carries them only as `sealed_intake`.
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "domain/scheduling/slot_engine.h"
#include "domain/scheduling/text_pairs.h"

namespace securebase::domain {

enum class BookingStatus { kConfirmed, kCancelled, kAttended, kNoShow };

const char* BookingStatusName(
    BookingStatus status);  // "confirmed", "cancelled", "attended", "no_show"
Result<BookingStatus> ParseBookingStatus(std::string_view name);

// Where the client will be during the session: ISO 3166-1 alpha-2 country
// and, in the US, the state's USPS code.
struct ClientLocation {
  std::string country;
  std::string region;
  bool operator==(const ClientLocation&) const = default;
};

// Answers to a session type's intake questions, by question id, in the
// type's order.
using IntakeAnswers = TextPairs;

struct Booking {
  std::string id;  // "bk_" + random
  // Empty for a former client: the account was deleted and the booking kept
  // for the practitioner's records without it (docs/privacy.md), with no
  // intake answers, location or idempotency key.
  std::string client_id;
  std::string session_type_id;
  Instant start;
  Instant end;
  Busy blocked;  // [start - buffer before, end + buffer after)
  BookingStatus status = BookingStatus::kConfirmed;
  std::string time_zone;  // the client's, for their mail
  ClientLocation location;
  std::string video_url;  // empty: none
  int sequence = 0;       // iCalendar SEQUENCE: raised on every change
  bool late_cancel = false;
  std::string idempotency_key;      // empty: none was sent
  std::string request_fingerprint;  // hash of the request that made it (for replays)
  std::string sealed_intake;        // SecretBox output of EncodeIntakeAnswers
  Instant created_at;
  Instant updated_at;
  std::optional<Instant> cancelled_at;

  // Holds time in the calendar (everything but a cancelled booking).
  bool Active() const { return status != BookingStatus::kCancelled; }
};

}  // namespace securebase::domain
