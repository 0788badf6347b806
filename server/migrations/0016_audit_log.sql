-- The audit log (domain/audit/audit_repository.h): who did what to whom,
-- when. Rows are only added. actor_id and subject_id are user ids without a
-- foreign key: a row must outlive the account it names. `at` is UTC
-- milliseconds; (at, id) orders the log for reading and paging.
--
-- A hash chain makes a changed, removed or inserted row detectable
-- (domain/audit/audit_chain.h, `securebase audit verify`): `seq` numbers the
-- rows 1, 2, 3… in the order they were written; `hash` covers the row's
-- fields and the previous row's hash (`prev_hash`). audit_head holds the
-- last seq and hash: each append updates it in its own transaction, which
-- makes concurrent appends (several instances) take turns.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL UNIQUE,
  at BIGINT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_id TEXT,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_subject ON audit_log (subject_id, at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
