// BookingRepository stores bookings and keeps them from overlapping: two
// active bookings' blocked times never intersect, whatever the number of
// threads or server instances writing at once. On PostgreSQL an exclusion
// constraint over the blocked range of active bookings refuses the second;
// on SQLite the check and the write run in one BEGIN IMMEDIATE transaction.
//
// Implementations: storage/sql_booking_repository and
// tests/fakes/memory_booking_repository; one contract suite
// (server/tests/contract/booking_repository_contract_test.cc), races
// included.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "domain/scheduling/booking.h"

namespace securebase::domain {

struct InsertedBooking {
  Booking booking;
  bool created = true;  // false: the client had used this idempotency key; `booking` is that one
};

// A client's sessions at a glance, for the practitioner's client list.
struct ClientTally {
  std::string client_id;
  long upcoming = 0;                  // confirmed, starting at or after now
  long past = 0;                      // started before now and not cancelled
  std::optional<Instant> next_start;  // the earliest upcoming one
};

class BookingRepository {
 public:
  virtual ~BookingRepository() = default;

  // Stores a new active booking. When the client already has a booking with
  // the same non-empty idempotency key, stores nothing and returns that one
  // (created = false), even when two such inserts race. When its blocked
  // time overlaps an active booking's: kConflict with type "slot-taken".
  virtual Result<InsertedBooking> Insert(const Booking& booking) = 0;

  // Moves an active booking to `moved`'s start, end, blocked time, sequence
  // and updated_at, unless that overlaps another active booking's blocked
  // time (kConflict "slot-taken") or the booking is no longer what
  // `expected_sequence` says (kConflict "booking-changed": someone else
  // changed it meanwhile). kNotFound when there is no such booking.
  virtual Result<Booking> Move(const Booking& moved, int expected_sequence) = 0;

  // Sets status, late_cancel, cancelled_at, sequence and updated_at from
  // `changed`, if its stored sequence is still `expected_sequence`
  // (kConflict "booking-changed" otherwise).
  virtual Result<Booking> UpdateStatus(const Booking& changed, int expected_sequence) = 0;

  virtual Result<std::optional<Booking>> Find(std::string_view id) = 0;

  // The client's booking made with this idempotency key, if any.
  virtual Result<std::optional<Booking>> FindByIdempotencyKey(std::string_view client_id,
                                                              std::string_view key) = 0;

  // The client's bookings, by start (earliest first).
  virtual Result<std::vector<Booking>> ForClient(std::string_view client_id) = 0;

  // Bookings that start in [from, to), by start; all statuses.
  virtual Result<std::vector<Booking>> StartingBetween(Instant from, Instant to) = 0;

  // Blocked times of active bookings that overlap [from, to).
  virtual Result<std::vector<Busy>> BusyBetween(Instant from, Instant to) = 0;

  // How many of the client's bookings have this status.
  virtual Result<long> CountWithStatus(std::string_view client_id, BookingStatus status) = 0;

  // Per client who ever booked, by client id: how their sessions stand at `now`.
  virtual Result<std::vector<ClientTally>> TallyByClient(Instant now) = 0;
};

}  // namespace securebase::domain
