-- Check-ins (see domain/assessment/checkin_repository.h): one row per
-- learner's completed questionnaire, with the answers and the subscale
-- scores in tables of their own so that both stay queryable on either
-- backend (the practitioner's psychometrics read item answers and scores).
-- Answers are whole numbers on the questionnaire's scale, stored plainly;
-- docs/privacy.md says why they are not sealed like free text.
-- Instants are UTC milliseconds. An account's check-ins go with it.
CREATE TABLE checkins (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  questionnaire_id TEXT NOT NULL,
  questionnaire_version INTEGER NOT NULL,
  taken_at BIGINT NOT NULL,
  region TEXT,
  -- The client's Idempotency-Key: a repeated submission finds the first.
  -- NULLs never clash, so submissions without a key are all kept.
  idempotency_key TEXT,
  UNIQUE (user_id, idempotency_key)
);
-- History and the plan: one learner's results, newest first.
CREATE INDEX checkins_user_taken ON checkins (user_id, questionnaire_id, taken_at);

CREATE TABLE checkin_answers (
  checkin_id TEXT NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  answer INTEGER NOT NULL,
  PRIMARY KEY (checkin_id, item_id)
);

CREATE TABLE checkin_scores (
  checkin_id TEXT NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
  subscale TEXT NOT NULL,
  -- The position keeps the questionnaire's subscale order.
  position INTEGER NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (checkin_id, subscale)
);
