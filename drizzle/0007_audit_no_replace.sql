-- INSERT OR REPLACE (and REPLACE, and an upsert's update) on an existing id would rewrite an audit
-- row: SQLite deletes the old row for REPLACE without firing the delete trigger unless recursive
-- triggers are on. An insert whose id is already taken is therefore refused before anything happens.
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only');
END;
