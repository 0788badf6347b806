-- Each account's second factor (see domain/accounts/two_factor_repository.h):
-- the TOTP secret sealed with SecretBox (hex), when enrolment was confirmed
-- (NULL while unconfirmed) and the last time step used, so a code works once.
CREATE TABLE two_factor (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  sealed_secret TEXT NOT NULL,
  confirmed_at BIGINT,
  last_used_step BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
-- The hashes of the one-time recovery codes. They belong to an enrolment:
-- removing it (or the account) removes them.
CREATE TABLE recovery_codes (
  user_id TEXT NOT NULL REFERENCES two_factor (user_id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at BIGINT,
  PRIMARY KEY (user_id, code_hash)
);
