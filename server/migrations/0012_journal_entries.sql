-- Journal entries (domain/journal/journal_entry.h). The id is made by the
-- learner's app (a lower-case UUID) and is theirs alone: the key is the owner
-- and the id. Everything the learner wrote (the body: text, choices, signs,
-- state, ratings and tags) is sealed with SecretBox into `sealed_body` (hex);
-- the associated data names this table, the column, the id and the owner, so
-- a body moved to another row or person does not open. Only the kind and the
-- three instants (UTC milliseconds) are plain: enough to order and page.
-- Search and filtering decrypt in memory, per request. An account's entries
-- go with it; a deleted entry is deleted, not marked.
CREATE TABLE journal_entries (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('trigger', 'reflection', 'parts')),
  occurred_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  sealed_body TEXT NOT NULL,
  PRIMARY KEY (user_id, id)
);
-- The journal page: one learner's entries, newest first.
CREATE INDEX journal_entries_user_occurred ON journal_entries (user_id, occurred_at, id);
