-- Each learner's progress through the course (domain/course/lesson_progress.h).
-- Keyed by the lesson's stable id from its front matter, not by its place in
-- the course, so edits and reordering keep progress; rows for lessons that
-- were removed stay and are ignored.
CREATE TABLE lesson_progress (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  lesson_id TEXT NOT NULL,
  opened_at BIGINT NOT NULL,
  completed_at BIGINT,
  position DOUBLE PRECISION NOT NULL CHECK (position >= 0 AND position <= 1),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, lesson_id)
);
