-- Accounts (see domain/accounts/user.h). Ids are random text made by the
-- server; emails are stored normalized and are unique.
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('learner', 'practitioner', 'admin')),
  time_zone TEXT NOT NULL,
  country TEXT NOT NULL,
  email_verified_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (email);
CREATE INDEX users_role ON users (role);
