-- The audit log is append-only in the database itself, not only in the code
-- (docs/adr/0012-audit-log-append-only.md): a row of audit_log can be
-- inserted, never changed or removed (TRUNCATE included), and audit_head's
-- seq never goes back, so cutting the log's tail and rewinding its head,
-- which the hash chain alone catches only against a mark the operator noted,
-- is refused too. audit_head's row may be deleted only while the log is
-- empty: migrate-data replaces a fresh target's seeded head that way
-- (app/migrate_data.cc).
--
-- Whoever owns the tables can drop these triggers; the hash chain
-- (`securebase audit verify`) still finds what they then change. See the
-- SQLite variant for that dialect.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % refused on audit_log.', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.seq < OLD.seq OR NEW.id <> OLD.id THEN
      RAISE EXCEPTION 'The audit log is append-only: its head cannot go back.'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_log) THEN
    RAISE EXCEPTION 'The audit log is append-only: its head cannot be removed.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END
$$;
CREATE TRIGGER audit_head_never_back BEFORE UPDATE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
CREATE TRIGGER audit_head_kept_whole BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_guard();
