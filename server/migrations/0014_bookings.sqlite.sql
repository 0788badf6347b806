-- Booked sessions (domain/scheduling/booking.h). Instants are UTC
-- milliseconds; blocked_from/blocked_until are the session widened by its
-- type's buffers, the time no other active booking may touch. SQLite has no
-- exclusion constraints: storage/sql_booking_repository checks for overlap
-- and inserts in one BEGIN IMMEDIATE transaction, so writers take turns.
-- The PostgreSQL variant of this file adds the constraint itself.
-- Intake answers are sealed with SecretBox into sealed_intake (hex); the
-- associated data names this table, the column, the booking and the client.
-- An idempotency key is the client's own: unique per client.
CREATE TABLE bookings (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_type_id TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  blocked_from BIGINT NOT NULL,
  blocked_until BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'attended', 'no_show')),
  time_zone TEXT NOT NULL,
  country TEXT NOT NULL,
  region TEXT NOT NULL,
  video_url TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  late_cancel INTEGER NOT NULL CHECK (late_cancel IN (0, 1)),
  idempotency_key TEXT,
  request_fingerprint TEXT NOT NULL,
  sealed_intake TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  cancelled_at BIGINT,
  CHECK (starts_at < ends_at AND blocked_from <= starts_at AND ends_at <= blocked_until),
  UNIQUE (client_id, idempotency_key)
);
-- The overlap check and slot lookups: active bookings by time.
CREATE INDEX bookings_blocked ON bookings (blocked_from, blocked_until) WHERE status <> 'cancelled';
CREATE INDEX bookings_starts ON bookings (starts_at);
CREATE INDEX bookings_client ON bookings (client_id, starts_at);
