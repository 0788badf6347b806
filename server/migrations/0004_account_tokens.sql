-- One-time links sent by mail (see domain/accounts/account_token.h). The id
-- is the hash of the token in the link. new_email is set for change-email
-- links only (NULL otherwise: no address is kept that is not needed).
CREATE TABLE account_tokens (
  id TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('verify-email', 'reset-password', 'change-email')),
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  new_email TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
