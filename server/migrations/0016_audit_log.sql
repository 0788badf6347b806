-- The audit log (domain/audit/audit_repository.h): who did what to whom,
-- when. Rows are only added. actor_id and subject_id are user ids without a
-- foreign key: a row must outlive the account it names. `at` is UTC
-- milliseconds; (at, id) orders the log and pages it.
CREATE TABLE audit_log (
  id TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  subject_id TEXT,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_subject ON audit_log (subject_id, at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
