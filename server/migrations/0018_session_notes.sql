-- The practitioner's session notes (domain/notes/session_note.h): what she
-- writes for herself about one client, optionally tied to one of the
-- client's bookings. Kept apart from everything a client can see or share:
-- a table of its own, read by no learner route and by no export of the
-- client's. The text is sealed with SecretBox into `sealed_text` (hex); the
-- associated data names this table, the column, the note with its client,
-- and the author, so a text moved to another row, client or author does not
-- open. Plain: who wrote it, about whom, the booking and two instants (UTC
-- milliseconds), enough to list a client's notes newest first. A note goes
-- with either account; a booking that goes leaves the note untied.
CREATE TABLE session_notes (
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  client_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  booking_id TEXT REFERENCES bookings (id) ON DELETE SET NULL,
  written_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  sealed_text TEXT NOT NULL
);
-- Her notes about one client, newest first.
CREATE INDEX session_notes_about ON session_notes (author_id, client_id, written_at, id);
-- What an account's or a booking's removal looks up.
CREATE INDEX session_notes_client ON session_notes (client_id);
CREATE INDEX session_notes_booking ON session_notes (booking_id);
