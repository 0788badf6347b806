-- The audit log is append-only in the database itself, not only in the code
-- (docs/adr/0012-audit-log-append-only.md): a row of audit_log can be
-- inserted, never changed or removed, and audit_head's seq never goes back,
-- so cutting the log's tail and rewinding its head, which the hash chain
-- alone catches only against a mark the operator noted, is refused too.
-- audit_head's row may be deleted only while the log is empty: migrate-data
-- replaces a fresh target's seeded head that way (app/migrate_data.cc).
--
-- Whoever can change the schema can drop these triggers; the hash chain
-- (`securebase audit verify`) still finds what they then change. A later
-- migration that rebuilds audit_log must create them again.
-- See the PostgreSQL variant for that dialect. Each trigger's body stays on
-- the line that ends it (storage/migrator.cc splits at a line's last ';').
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: its rows cannot be changed.'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: its rows cannot be removed.'); END;
CREATE TRIGGER audit_head_never_back BEFORE UPDATE ON audit_head
WHEN NEW.seq < OLD.seq OR NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: its head cannot go back.'); END;
CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
WHEN EXISTS (SELECT 1 FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: its head cannot be removed.'); END;
