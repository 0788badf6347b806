-- Booked sessions (domain/scheduling/booking.h); see 0014_bookings.sqlite.sql
-- for the columns. Here the database itself refuses two active bookings
-- whose blocked times overlap: an exclusion constraint over the half-open
-- range [blocked_from, blocked_until) of every booking that is not
-- cancelled (int8range needs no extension; one practitioner, one calendar).
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
  UNIQUE (client_id, idempotency_key),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (
    int8range(blocked_from, blocked_until) WITH &&) WHERE (status <> 'cancelled')
);
CREATE INDEX bookings_starts ON bookings (starts_at);
CREATE INDEX bookings_client ON bookings (client_id, starts_at);
