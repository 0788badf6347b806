-- Failed sign-in attempts per key (see domain/accounts/login_throttle.h).
-- Keys are hashes of an account or a network address, so the table holds
-- neither; no foreign key, since an address belongs to no account.
CREATE TABLE login_failures (
  key TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  last_failure_at BIGINT NOT NULL
);
