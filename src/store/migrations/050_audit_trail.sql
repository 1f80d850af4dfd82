-- The audit trail: who did what, on which unit's data, when, how it ended. Append-only: rows are
-- only ever inserted; a trigger refuses UPDATE, DELETE and TRUNCATE on both engines. Each row keeps
-- the actor's and the unit's names as they were, so renaming an account never rewrites the past.

-- No foreign key: the log must outlive, unchanged, whatever it mentions.
ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS audit_log_user_id_fkey;

ALTER TABLE audit_log
  ADD COLUMN outcome         text NOT NULL DEFAULT 'ok' CHECK (outcome IN ('ok', 'refused', 'rejected', 'failed')),
  ADD COLUMN channel         text NOT NULL DEFAULT 'system' CHECK (channel IN ('web', 'cli', 'system')),
  ADD COLUMN status          integer,
  ADD COLUMN unit_id         integer,
  ADD COLUMN unit_code       text,
  ADD COLUMN unit_name       text,
  ADD COLUMN actor_username  text,
  ADD COLUMN actor_name      text,
  ADD COLUMN actor_role      text,
  ADD COLUMN actor_unit_id   integer,
  ADD COLUMN actor_unit_code text,
  ADD COLUMN actor_unit_name text,
  ADD COLUMN method          text,
  ADD COLUMN route           text,
  ADD COLUMN request_id      text,
  ADD COLUMN ip              text;

-- Rows written before this migration: the names as they are now are the best we know.
UPDATE audit_log a
   SET actor_username = u.username, actor_name = u.display_name, actor_role = u.role,
       actor_unit_id = u.unit_id, actor_unit_code = un.code, actor_unit_name = un.name,
       unit_id = u.unit_id, unit_code = un.code, unit_name = un.name
  FROM users u JOIN units un ON un.id = u.unit_id
 WHERE u.id = a.user_id;

-- An insert that names only the account (user_id) or the unit gets their names as of now.
CREATE FUNCTION audit_log_snapshot_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.user_id IS NOT NULL AND NEW.actor_name IS NULL THEN
    SELECT u.username, u.display_name, u.role, u.unit_id, un.code, un.name
      INTO NEW.actor_username, NEW.actor_name, NEW.actor_role, NEW.actor_unit_id, NEW.actor_unit_code, NEW.actor_unit_name
      FROM users u JOIN units un ON un.id = u.unit_id
     WHERE u.id = NEW.user_id;
  END IF;
  IF NEW.unit_id IS NULL THEN
    NEW.unit_id := NEW.actor_unit_id;
  END IF;
  IF NEW.unit_id IS NOT NULL AND NEW.unit_name IS NULL THEN
    SELECT code, name INTO NEW.unit_code, NEW.unit_name FROM units WHERE id = NEW.unit_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_snapshot_names BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_snapshot_names();

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_unit_idx ON audit_log (unit_id, id);
CREATE INDEX audit_log_actor_unit_idx ON audit_log (actor_unit_id, id);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, id);
