-- Clients waiting for a time to open (domain/scheduling/waitlist.h), in the
-- order they joined. One place per client and session type. notified_at: the
-- last time they were told a time had opened (UTC milliseconds), NULL until
-- then. An account's places go with it.
CREATE TABLE waitlist (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_type_id TEXT NOT NULL,
  joined_at BIGINT NOT NULL,
  notified_at BIGINT,
  UNIQUE (client_id, session_type_id)
);
CREATE INDEX waitlist_joined ON waitlist (joined_at, id);
