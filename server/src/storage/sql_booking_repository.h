// BookingRepository on SQL (SQLite and PostgreSQL through one code path):
// table bookings (migration 0014). Intake answers are stored as lower-case
// hex of their sealed bytes.
//
// Overlaps: every write first looks for an active booking whose blocked time
// meets the new one, inside its write transaction. On SQLite that
// transaction is BEGIN IMMEDIATE, so no other writer runs between the look
// and the write. On PostgreSQL the writers of booked time (Insert, Move)
// first take turns on one advisory lock, so they never deadlock on each
// other's rows; the exclusion constraint bookings_no_overlap stays the last
// word (a write outside this class, or a lock taken by mistake, still gets
// "slot-taken"). A conflict on
// insert may also be a race on the client's idempotency key: the winner's
// booking is looked up and returned.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/scheduling/booking_repository.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlBookingRepository final : public domain::BookingRepository {
 public:
  explicit SqlBookingRepository(Database& db) : db_(db) {}

  Result<domain::InsertedBooking> Insert(const domain::Booking& booking) override;
  Result<domain::Booking> Move(const domain::Booking& moved, int expected_sequence) override;
  Result<domain::Booking> UpdateStatus(const domain::Booking& changed,
                                       int expected_sequence) override;
  Result<std::optional<domain::Booking>> Find(std::string_view id) override;
  Result<std::optional<domain::Booking>> FindByIdempotencyKey(std::string_view client_id,
                                                              std::string_view key) override;
  Result<std::vector<domain::Booking>> ForClient(std::string_view client_id) override;
  Result<std::vector<domain::Booking>> StartingBetween(Instant from, Instant to) override;
  Result<std::vector<domain::Busy>> BusyBetween(Instant from, Instant to) override;
  Result<std::vector<domain::ClientTally>> TallyByClient(Instant now) override;
  Result<long> CountWithStatus(std::string_view client_id, domain::BookingStatus status) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
