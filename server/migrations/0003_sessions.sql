-- Signed-in browsers (see domain/accounts/session.h). The id is the hash of
-- the cookie's token, never the token. The role is not stored here: a
-- session is read with its account's current role (joined from users).
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  two_factor TEXT NOT NULL
    CHECK (two_factor IN ('not-required', 'pending', 'enrollment-required', 'passed')),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  idle_expires_at BIGINT NOT NULL,
  absolute_expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
-- Both expiries are indexed so that the sweep of expired sessions (idle OR
-- absolute) need not read the whole table.
CREATE INDEX sessions_idle_expiry ON sessions (idle_expires_at);
CREATE INDEX sessions_absolute_expiry ON sessions (absolute_expires_at);
