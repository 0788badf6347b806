-- What a learner shares with a practitioner (domain/sharing/share_repository.h):
-- one row per pair, with a flag per kind, and the journal entries chosen,
-- one row each (only the learner's own: the key says so). updated_at: UTC milliseconds of the learner's last change.
-- A share goes with either account; a chosen entry goes with the entry.
CREATE TABLE shares (
  learner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  practitioner_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  checkins INTEGER NOT NULL DEFAULT 0,
  practice INTEGER NOT NULL DEFAULT 0,
  course INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (learner_id, practitioner_id)
);
CREATE INDEX shares_practitioner ON shares (practitioner_id);
CREATE TABLE shared_journal_entries (
  learner_id TEXT NOT NULL,
  practitioner_id TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  PRIMARY KEY (learner_id, practitioner_id, entry_id),
  FOREIGN KEY (learner_id, entry_id) REFERENCES journal_entries (user_id, id) ON DELETE CASCADE,
  FOREIGN KEY (learner_id, practitioner_id) REFERENCES shares (learner_id, practitioner_id)
    ON DELETE CASCADE
);
