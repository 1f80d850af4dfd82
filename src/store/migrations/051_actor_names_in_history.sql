-- A report's history shows each actor's name as it was at the time: renaming an account later
-- must not rewrite who saved, sent, returned or approved. The name is copied when the row is written.
ALTER TABLE report_revisions ADD COLUMN user_name text;
ALTER TABLE report_events ADD COLUMN user_name text;

-- Rows written before: the current names are the best we know.
UPDATE report_revisions r SET user_name = u.display_name FROM users u WHERE u.id = r.user_id;
UPDATE report_events e SET user_name = u.display_name FROM users u WHERE u.id = e.user_id;

CREATE FUNCTION snapshot_user_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.user_id IS NOT NULL AND NEW.user_name IS NULL THEN
    SELECT display_name INTO NEW.user_name FROM users WHERE id = NEW.user_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER report_revisions_user_name BEFORE INSERT ON report_revisions
  FOR EACH ROW EXECUTE FUNCTION snapshot_user_name();
CREATE TRIGGER report_events_user_name BEFORE INSERT ON report_events
  FOR EACH ROW EXECUTE FUNCTION snapshot_user_name();
