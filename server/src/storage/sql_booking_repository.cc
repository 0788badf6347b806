#include "storage/sql_booking_repository.h"

#include <soci/soci.h>

#include <string>

#include "common/hex.h"

namespace securebase::storage {

using domain::Booking;
using domain::BookingStatus;
using domain::Busy;
using domain::InsertedBooking;

namespace {

constexpr const char* kColumns =
    "SELECT id, COALESCE(client_id, ''), session_type_id, starts_at, ends_at, blocked_from, "
    "blocked_until, "
    "status, time_zone, country, region, video_url, sequence, late_cancel, idempotency_key, "
    "request_fingerprint, sealed_intake, created_at, updated_at, cancelled_at FROM bookings ";

std::unexpected<Error> SlotTaken() {
  return Refuse(ErrorCode::kConflict, "slot-taken",
                "Someone else has just booked this time. Please choose another.");
}

std::unexpected<Error> Changed() {
  return Refuse(ErrorCode::kConflict, "booking-changed",
                "This session was changed a moment ago. Please look at it again.");
}

// One bookings row, read by a prepared statement into these fields.
struct Row {
  Booking b;
  long long starts = 0, ends = 0, from = 0, until = 0, created = 0, updated = 0, cancelled = 0;
  std::string status, key, sealed_hex;
  int late = 0;
  soci::indicator key_ind = soci::i_null, cancelled_ind = soci::i_null;

  Result<Booking> Take() const {
    Booking out = b;
    out.start = Instant{starts};
    out.end = Instant{ends};
    out.blocked = Busy{Instant{from}, Instant{until}};
    auto parsed = domain::ParseBookingStatus(status);
    if (!parsed) return Internal("a stored booking has an unknown status");
    out.status = *parsed;
    out.late_cancel = late != 0;
    out.idempotency_key = key_ind == soci::i_ok ? key : std::string();
    auto sealed = FromHex(sealed_hex);
    if (!sealed) return Internal("a stored booking's intake is not hex");
    out.sealed_intake = std::move(*sealed);
    out.created_at = Instant{created};
    out.updated_at = Instant{updated};
    out.cancelled_at =
        cancelled_ind == soci::i_ok ? std::optional<Instant>(Instant{cancelled}) : std::nullopt;
    return out;
  }
};

template <class Bind>
Result<std::vector<Booking>> Query(soci::session& sql, const std::string& where, Bind bind) {
  Row row;
  soci::statement st(sql);
  st.alloc();
  st.prepare(std::string(kColumns) + where);
  bind(st);
  st.exchange(soci::into(row.b.id));
  st.exchange(soci::into(row.b.client_id));
  st.exchange(soci::into(row.b.session_type_id));
  st.exchange(soci::into(row.starts));
  st.exchange(soci::into(row.ends));
  st.exchange(soci::into(row.from));
  st.exchange(soci::into(row.until));
  st.exchange(soci::into(row.status));
  st.exchange(soci::into(row.b.time_zone));
  st.exchange(soci::into(row.b.location.country));
  st.exchange(soci::into(row.b.location.region));
  st.exchange(soci::into(row.b.video_url));
  st.exchange(soci::into(row.b.sequence));
  st.exchange(soci::into(row.late));
  st.exchange(soci::into(row.key, row.key_ind));
  st.exchange(soci::into(row.b.request_fingerprint));
  st.exchange(soci::into(row.sealed_hex));
  st.exchange(soci::into(row.created));
  st.exchange(soci::into(row.updated));
  st.exchange(soci::into(row.cancelled, row.cancelled_ind));
  st.define_and_bind();
  std::vector<Booking> out;
  st.execute();
  while (st.fetch()) {
    auto booking = row.Take();
    if (!booking) return std::unexpected(booking.error());
    out.push_back(std::move(*booking));
    row.key_ind = row.cancelled_ind = soci::i_null;
  }
  return out;
}

Result<std::optional<Booking>> FindIn(soci::session& sql, const std::string& id) {
  auto found =
      Query(sql, "WHERE id = :id", [&](soci::statement& st) { st.exchange(soci::use(id)); });
  if (!found) return std::unexpected(found.error());
  if (found->empty()) return std::optional<Booking>{};
  return std::optional<Booking>{std::move(found->front())};
}

// On PostgreSQL, writers of booked time take turns on this transaction-scoped
// advisory lock (the key is arbitrary but fixed; it spans the whole calendar,
// as bookings_no_overlap does). Without it, racers that each insert and then
// wait on the others' uncommitted rows deadlock; PostgreSQL breaks only one
// cycle per deadlock_timeout (1 s), the loser retries into a new cycle, and 60
// racers took minutes. With it the overlap check below sees every earlier
// writer's committed row. SQLite's BEGIN IMMEDIATE already makes writers
// take turns.
constexpr long long kBookedTimeLockKey = 7215570402LL;

void TakeTurnOnBookedTime(soci::session& sql, Backend backend) {
  if (backend == Backend::kPostgresql) {
    sql << "SELECT pg_advisory_xact_lock(" << kBookedTimeLockKey << ")";
  }
}

// Whether an active booking other than `except` holds time in [from, until).
bool Overlaps(soci::session& sql, Instant from, Instant until, const std::string& except) {
  const long long f = from.millis, u = until.millis;
  int count = 0;
  sql << "SELECT COUNT(*) FROM bookings WHERE status <> 'cancelled' AND blocked_from < :until "
         "AND blocked_until > :from AND id <> :except",
      soci::use(u), soci::use(f), soci::use(except), soci::into(count);
  return count > 0;
}

}  // namespace

Result<std::optional<Booking>> SqlBookingRepository::FindByIdempotencyKey(
    std::string_view client_view, std::string_view key_view) {
  const std::string client_id(client_view), key(key_view);
  return db_.Read("bookings.find_by_key",
                  [&](soci::session& sql) -> Result<std::optional<Booking>> {
                    auto found = Query(sql, "WHERE client_id = :client AND idempotency_key = :key",
                                       [&](soci::statement& st) {
                                         st.exchange(soci::use(client_id));
                                         st.exchange(soci::use(key));
                                       });
                    if (!found) return std::unexpected(found.error());
                    if (found->empty()) return std::optional<Booking>{};
                    return std::optional<Booking>{std::move(found->front())};
                  });
}

Result<InsertedBooking> SqlBookingRepository::Insert(const Booking& b) {
  if (!b.idempotency_key.empty()) {
    auto replay = FindByIdempotencyKey(b.client_id, b.idempotency_key);
    if (!replay) return std::unexpected(replay.error());
    if (*replay) return InsertedBooking{std::move(**replay), false};
  }
  auto inserted = db_.Write("bookings.insert", [&](soci::session& sql) -> Result<InsertedBooking> {
    TakeTurnOnBookedTime(sql, db_.backend());
    if (Overlaps(sql, b.blocked.from, b.blocked.until, b.id)) return SlotTaken();
    const long long starts = b.start.millis, ends = b.end.millis, from = b.blocked.from.millis,
                    until = b.blocked.until.millis, created = b.created_at.millis,
                    updated = b.updated_at.millis;
    const std::string status = domain::BookingStatusName(b.status);
    const std::string sealed = ToHex(b.sealed_intake);
    const int late = b.late_cancel ? 1 : 0;
    soci::indicator key_ind = b.idempotency_key.empty() ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO bookings (id, client_id, session_type_id, starts_at, ends_at, "
           "blocked_from, blocked_until, status, time_zone, country, region, video_url, "
           "sequence, "
           "late_cancel, idempotency_key, request_fingerprint, sealed_intake, created_at, "
           "updated_at) VALUES (:id, :client, :type, :starts, :ends, :from, :until, :status, "
           ":zone, :country, :region, :video, :sequence, :late, :key, :fingerprint, :sealed, "
           ":created, :updated)",
        soci::use(b.id), soci::use(b.client_id), soci::use(b.session_type_id), soci::use(starts),
        soci::use(ends), soci::use(from), soci::use(until), soci::use(status),
        soci::use(b.time_zone), soci::use(b.location.country), soci::use(b.location.region),
        soci::use(b.video_url), soci::use(b.sequence), soci::use(late),
        soci::use(b.idempotency_key, key_ind), soci::use(b.request_fingerprint), soci::use(sealed),
        soci::use(created), soci::use(updated);
    return InsertedBooking{b, true};
  });
  if (inserted || inserted.error().code != ErrorCode::kConflict ||
      inserted.error().type == "slot-taken") {
    return inserted;
  }
  // A constraint refused the row: the client's key (a twin request won the
  // race) or, on PostgreSQL, the exclusion constraint (another booking won).
  if (!b.idempotency_key.empty()) {
    auto replay = FindByIdempotencyKey(b.client_id, b.idempotency_key);
    if (!replay) return std::unexpected(replay.error());
    if (*replay) return InsertedBooking{std::move(**replay), false};
  }
  return SlotTaken();
}

Result<Booking> SqlBookingRepository::Move(const Booking& moved, int expected_sequence) {
  auto result = db_.Write("bookings.move", [&](soci::session& sql) -> Result<Booking> {
    TakeTurnOnBookedTime(sql, db_.backend());  // before the look, so it sees the latest sequence
    auto current = FindIn(sql, moved.id);
    if (!current) return std::unexpected(current.error());
    if (!*current) return NotFound("We couldn't find that session.");
    if ((*current)->sequence != expected_sequence || !(*current)->Active()) return Changed();
    if (Overlaps(sql, moved.blocked.from, moved.blocked.until, moved.id)) return SlotTaken();
    const long long starts = moved.start.millis, ends = moved.end.millis,
                    from = moved.blocked.from.millis, until = moved.blocked.until.millis,
                    updated = moved.updated_at.millis;
    sql << "UPDATE bookings SET starts_at = :starts, ends_at = :ends, blocked_from = :from, "
           "blocked_until = :until, sequence = :sequence, updated_at = :updated WHERE id = :id",
        soci::use(starts), soci::use(ends), soci::use(from), soci::use(until),
        soci::use(moved.sequence), soci::use(updated), soci::use(moved.id);
    Booking out = **current;
    out.start = moved.start;
    out.end = moved.end;
    out.blocked = moved.blocked;
    out.sequence = moved.sequence;
    out.updated_at = moved.updated_at;
    return out;
  });
  // On PostgreSQL a racing move or booking may reach the constraint first.
  if (!result && result.error().code == ErrorCode::kConflict && result.error().type.empty()) {
    return SlotTaken();
  }
  return result;
}

Result<Booking> SqlBookingRepository::UpdateStatus(const Booking& changed, int expected_sequence) {
  return db_.Write("bookings.update_status", [&](soci::session& sql) -> Result<Booking> {
    auto current = FindIn(sql, changed.id);
    if (!current) return std::unexpected(current.error());
    if (!*current) return NotFound("We couldn't find that session.");
    if ((*current)->sequence != expected_sequence) return Changed();
    const std::string status = domain::BookingStatusName(changed.status);
    const int late = changed.late_cancel ? 1 : 0;
    const long long updated = changed.updated_at.millis;
    long long cancelled = changed.cancelled_at ? changed.cancelled_at->millis : 0;
    soci::indicator cancelled_ind = changed.cancelled_at ? soci::i_ok : soci::i_null;
    sql << "UPDATE bookings SET status = :status, late_cancel = :late, cancelled_at = "
           ":cancelled, "
           "sequence = :sequence, updated_at = :updated WHERE id = :id",
        soci::use(status), soci::use(late), soci::use(cancelled, cancelled_ind),
        soci::use(changed.sequence), soci::use(updated), soci::use(changed.id);
    Booking out = **current;
    out.status = changed.status;
    out.late_cancel = changed.late_cancel;
    out.cancelled_at = changed.cancelled_at;
    out.sequence = changed.sequence;
    out.updated_at = changed.updated_at;
    return out;
  });
}

Result<std::optional<Booking>> SqlBookingRepository::Find(std::string_view id) {
  const std::string key(id);
  return db_.Read("bookings.find", [&](soci::session& sql) -> Result<std::optional<Booking>> {
    return FindIn(sql, key);
  });
}

Result<std::vector<Booking>> SqlBookingRepository::ForClient(std::string_view client_id) {
  const std::string client(client_id);
  return db_.Read("bookings.for_client", [&](soci::session& sql) {
    return Query(sql, "WHERE client_id = :client ORDER BY starts_at, id",
                 [&](soci::statement& st) { st.exchange(soci::use(client)); });
  });
}

Result<std::vector<Booking>> SqlBookingRepository::StartingBetween(Instant from, Instant to) {
  const long long f = from.millis, t = to.millis;
  return db_.Read("bookings.starting_between", [&](soci::session& sql) {
    return Query(sql, "WHERE starts_at >= :from AND starts_at < :to ORDER BY starts_at, id",
                 [&](soci::statement& st) {
                   st.exchange(soci::use(f));
                   st.exchange(soci::use(t));
                 });
  });
}

Result<std::vector<Busy>> SqlBookingRepository::BusyBetween(Instant from, Instant to) {
  const long long f = from.millis, t = to.millis;
  return db_.Read("bookings.busy_between", [&](soci::session& sql) -> Result<std::vector<Busy>> {
    long long bf = 0, bu = 0;
    soci::statement st =
        (sql.prepare << "SELECT blocked_from, blocked_until FROM bookings WHERE status <> "
                        "'cancelled' AND blocked_from < :to AND blocked_until > :from",
         soci::use(t), soci::use(f), soci::into(bf), soci::into(bu));
    std::vector<Busy> out;
    st.execute();
    while (st.fetch()) out.push_back(Busy{Instant{bf}, Instant{bu}});
    return out;
  });
}

Result<long> SqlBookingRepository::CountWithStatus(std::string_view client_id,
                                                   BookingStatus status) {
  const std::string client(client_id), name = domain::BookingStatusName(status);
  return db_.Read("bookings.count_with_status", [&](soci::session& sql) -> Result<long> {
    long long count = 0;
    sql << "SELECT COUNT(*) FROM bookings WHERE client_id = :client AND status = :status",
        soci::use(client), soci::use(name), soci::into(count);
    return static_cast<long>(count);
  });
}

Result<std::vector<domain::ClientTally>> SqlBookingRepository::TallyByClient(Instant now) {
  return db_.Read(
      "bookings.tally_by_client",
      [&](soci::session& sql) -> Result<std::vector<domain::ClientTally>> {
        const long long at = now.millis;
        domain::ClientTally row;
        long long upcoming = 0, past = 0, next = 0;
        soci::indicator next_ind = soci::i_null;
        soci::statement st =
            (sql.prepare
                 << "SELECT client_id, "
                    "SUM(CASE WHEN status = 'confirmed' AND starts_at >= :a THEN 1 ELSE 0 END), "
                    "SUM(CASE WHEN status <> 'cancelled' AND starts_at < :b THEN 1 ELSE 0 END), "
                    "MIN(CASE WHEN status = 'confirmed' AND starts_at >= :c THEN starts_at END) "
                    "FROM bookings WHERE client_id IS NOT NULL GROUP BY client_id "
                    "ORDER BY client_id",
             soci::use(at), soci::use(at), soci::use(at), soci::into(row.client_id),
             soci::into(upcoming), soci::into(past), soci::into(next, next_ind));
        st.execute();
        std::vector<domain::ClientTally> out;
        while (st.fetch()) {
          domain::ClientTally t = row;
          t.upcoming = static_cast<long>(upcoming);
          t.past = static_cast<long>(past);
          if (next_ind == soci::i_ok) t.next_start = Instant{next};
          out.push_back(std::move(t));
        }
        return out;
      });
}

}  // namespace securebase::storage
