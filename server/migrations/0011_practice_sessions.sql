-- Recorded practice sessions (see domain/practice/practice_session_repository.h).
-- The id is made by the learner's app (a lower-case UUID) and is theirs alone:
-- the key is the owner and the id, so two learners may use one id. Distress
-- ratings (0-10, NULL when skipped) are whole numbers stored plainly, like
-- check-in answers. Instants are UTC milliseconds. An account's sessions go
-- with it.
CREATE TABLE practice_sessions (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  practice_id TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  duration_seconds INTEGER NOT NULL CHECK (duration_seconds BETWEEN 1 AND 14400),
  distress_before INTEGER CHECK (distress_before BETWEEN 0 AND 10),
  distress_after INTEGER CHECK (distress_after BETWEEN 0 AND 10),
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, id)
);
-- History pages: one learner's sessions, newest first.
CREATE INDEX practice_sessions_user_started ON practice_sessions (user_id, started_at, id);
