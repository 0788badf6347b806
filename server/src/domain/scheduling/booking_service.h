// BookingService: what clients and the practitioner do with bookings — the
// catalogue a client books from, free slots, booking, cancelling and moving
// within the practitioner's policy, and her view of the calendar (each client
// named; intake answers only said to be there) and attendance.
//
// Intake answers are opened for her one booking at a time (WithIntake), by
// ClientRecords::OpenIntake, which puts the read on the audit log first: a
// calendar she glances at many times a day is not a read of everyone's
// answers, and each row on the log is a look she chose to take.
//
// Every rule is checked here, again, at the moment of the write; the
// repository (and on PostgreSQL the database itself) keeps two bookings from
// overlapping even when two requests pass these checks at once.
//
// Thread-safety: safe from any thread (its parts are).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"
#include "common/secret_box.h"
#include "domain/accounts/user_repository.h"
#include "domain/scheduling/booking.h"
#include "domain/scheduling/booking_notices.h"
#include "domain/scheduling/booking_repository.h"
#include "domain/scheduling/client_contacts.h"
#include "domain/scheduling/scheduling_setup.h"
#include "domain/scheduling/slot_engine.h"

namespace securebase::domain {

// The longest slot window a client may ask for at once.
inline constexpr std::int64_t kMaxSlotWindowMillis = 93LL * 24 * 3600 * 1000;

struct BookingRequest {
  std::string session_type_id;
  Instant start;
  std::string time_zone;  // the client's
  ClientLocation location;
  IntakeAnswers intake;  // as sent, any order; checked against the type's questions
  bool policy_accepted = false;
  std::string idempotency_key;  // empty: none
};

// What a client books from.
struct BookingCatalog {
  struct Offer {
    SessionType type;
    bool bookable = true;  // false: existing clients only, and this client is new
  };
  std::vector<Offer> offers;
  std::string practitioner_time_zone;
  BookingSettings settings;
  bool new_client = true;
};

struct SlotList {
  std::string practitioner_time_zone;
  std::vector<Slot> slots;
};

// A booking with its type and what the viewer may do with it now.
struct BookingView {
  Booking booking;
  SessionType type;
  bool can_change = false;              // the client may cancel or move it online now
  std::string change_refused_reason;    // why not, when they may not (kind words)
  std::optional<IntakeAnswers> intake;  // opened: for the practitioner only
  // Her view: there are answers to open (the type asks questions and the
  // client's account is still here), whether or not they are opened.
  bool has_intake = false;
};

// A booking on her calendar, with the client it is for.
struct CalendarEntry {
  BookingView view;
  ClientContact client;
};

// Her calendar when the console does not say which days: from a day ago
// (today's sessions, wherever she is) for 60 days.
inline constexpr std::int64_t kCalendarDefaultBackMillis = 24LL * 3600 * 1000;
inline constexpr std::int64_t kCalendarDefaultSpanMillis = 60LL * 24 * 3600 * 1000;

struct BookResult {
  BookingView view;
  bool created = true;  // false: a replay of the same idempotency key
};

class BookingService {
 public:
  BookingService(BookingRepository& bookings, SchedulingSetup& setup, UserRepository& users,
                 const SecretBox& box, BookingNotices& notices, const Clock& clock)
      : bookings_(bookings),
        setup_(setup),
        users_(users),
        box_(box),
        notices_(notices),
        clock_(clock) {}

  Result<BookingCatalog> Catalog(std::string_view client_id);

  // Free slots of an active type in [from, to); field errors name "from",
  // "to" (kInvalidArgument); kNotFound for an unknown or archived type.
  Result<SlotList> Slots(std::string_view type_id, Instant from, Instant to);

  // Problem types: "slot-taken" (409), "outside-jurisdiction" (403, the
  // detail is her message), "existing-clients-only" (403),
  // "idempotency-key-reused" (422 — kInvalidArgument with that type);
  // field errors for the rest.
  Result<BookResult> Book(std::string_view client_id, const BookingRequest& request);

  // The client's own bookings (upcoming first, then the past, newest first).
  Result<std::vector<BookingView>> ForClient(std::string_view client_id);
  // One of the client's; kNotFound for another client's.
  Result<BookingView> FindForClient(std::string_view client_id, std::string_view booking_id);

  // "late-change-refused", "not-changeable" (409) as the policy says.
  Result<BookingView> CancelByClient(std::string_view client_id, std::string_view booking_id);
  Result<BookingView> MoveByClient(std::string_view client_id, std::string_view booking_id,
                                   Instant start, std::string_view time_zone);

  // The practitioner's calendar: bookings starting in [from, to), intake
  // answers not opened (has_intake says whether there are any).
  Result<std::vector<BookingView>> Calendar(Instant from, Instant to);
  // The same with each booking's client (one read of the accounts for all),
  // for the console; a bound not given is the default (from a day ago, to
  // 60 days after `from`).
  Result<std::vector<CalendarEntry>> CalendarWithClients(std::optional<Instant> from,
                                                         std::optional<Instant> to);
  // Every session one client booked, newest first, as on her calendar: for
  // the client's page in the console (answers not opened) and for the
  // client's own download (opened: they are their own words).
  Result<std::vector<CalendarEntry>> ClientSessions(std::string_view client_id, bool open_intake);
  // One booking for the practitioner with its intake answers opened. Only
  // ClientRecords::OpenIntake calls it, after writing the audit row.
  Result<BookingView> WithIntake(Booking booking) const;
  Result<BookingView> CancelByPractitioner(std::string_view booking_id);
  // The client is deleting their account: every confirmed session of theirs
  // that has not begun is cancelled, whatever the late-cancel policy (it is
  // still marked late when inside it). She is told as for any cancellation,
  // but the notice carries no client (so no name, and no mail to them), and
  // the times are freed for those waiting. Returns how many were cancelled.
  Result<long> CancelForLeavingClient(std::string_view client_id);
  // Once it has begun: attended or no-show (and back, to correct a mistake).
  Result<BookingView> MarkAttendance(std::string_view booking_id, BookingStatus outcome);

 private:
  // What turning bookings into views needs besides the bookings: her
  // settings and every type (archived ones too). Read once per call, however
  // many bookings it shows.
  struct ViewRules {
    BookingSettings settings;
    std::vector<SessionType> types;
  };
  Result<ViewRules> LoadViewRules() const;
  Result<BookingView> View(Booking booking, bool open_intake, const ViewRules& rules) const;
  // One booking's view, reading the rules for it alone.
  Result<BookingView> View(Booking booking, bool open_intake) const;
  Result<std::vector<BookingView>> Views(std::vector<Booking> bookings, bool open_intake) const;
  Result<Booking> OwnedBy(std::string_view client_id, std::string_view booking_id);
  // The rules a new start must meet (all but overlap): field errors on
  // "start".
  Status CheckStart(const Schedule& schedule, const SessionType& type, Instant start) const;
  // Whether the client may change this booking now; the refusal when not.
  Status MayChange(const Booking& booking, const BookingSettings& settings, bool& late) const;

  BookingRepository& bookings_;
  SchedulingSetup& setup_;
  UserRepository& users_;
  const SecretBox& box_;
  BookingNotices& notices_;
  const Clock& clock_;
};

}  // namespace securebase::domain
