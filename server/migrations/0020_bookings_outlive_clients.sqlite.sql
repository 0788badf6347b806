-- A booking outlives its client (docs/adr/0010-account-deletion.md): when a
-- learner deletes their account, the sessions that already happened stay on
-- the practitioner's records without anyone's name. client_id becomes
-- nullable and the account's removal sets it to NULL instead of deleting the
-- row; NULL reads as "a former client". (The deletion itself also clears
-- the booking's intake answers, location and idempotency key:
-- storage/sql_account_eraser.cc.)
--
-- SQLite cannot change a column's foreign key in place: the table is built
-- again and its rows copied. session_notes refers to bookings, and dropping
-- bookings with foreign keys on would untie every note from its booking
-- (ON DELETE SET NULL), so the notes are set aside first and put back
-- afterwards into a table defined exactly as in 0018.
CREATE TABLE session_notes_aside AS SELECT * FROM session_notes;
DROP TABLE session_notes;

CREATE TABLE bookings_new (
  id TEXT PRIMARY KEY,
  client_id TEXT REFERENCES users (id) ON DELETE SET NULL,
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
INSERT INTO bookings_new SELECT id, client_id, session_type_id, starts_at, ends_at, blocked_from,
  blocked_until, status, time_zone, country, region, video_url, sequence, late_cancel,
  idempotency_key, request_fingerprint, sealed_intake, created_at, updated_at, cancelled_at
  FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_new RENAME TO bookings;
CREATE INDEX bookings_blocked ON bookings (blocked_from, blocked_until) WHERE status <> 'cancelled';
CREATE INDEX bookings_starts ON bookings (starts_at);
CREATE INDEX bookings_client ON bookings (client_id, starts_at);

CREATE TABLE session_notes (
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  client_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  booking_id TEXT REFERENCES bookings (id) ON DELETE SET NULL,
  written_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  sealed_text TEXT NOT NULL
);
INSERT INTO session_notes SELECT id, author_id, client_id, booking_id, written_at, updated_at,
  sealed_text FROM session_notes_aside;
DROP TABLE session_notes_aside;
CREATE INDEX session_notes_about ON session_notes (author_id, client_id, written_at, id);
CREATE INDEX session_notes_client ON session_notes (client_id);
CREATE INDEX session_notes_booking ON session_notes (booking_id);
