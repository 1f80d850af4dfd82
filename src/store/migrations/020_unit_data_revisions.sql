-- Stale data (#11 item 5). Every write to a unit's dossiers raises the unit's data revision, once
-- per statement (an import batch is one statement, so this costs one small upsert per batch, not
-- per dossier). A report keeps the revision of its unit's subtree it was computed at; when the
-- sum moved, and only then, its dossier figures are computed again and compared (the result is
-- kept per revision in report_data_checks, so a page view does not recompute twice).
CREATE TABLE unit_data_revisions (
  unit_id   integer PRIMARY KEY REFERENCES units (id) ON DELETE CASCADE,
  revision  bigint NOT NULL DEFAULT 0
);

CREATE FUNCTION bump_unit_data_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO unit_data_revisions AS r (unit_id, revision)
      SELECT DISTINCT unit_id, 1 FROM new_rows
      ON CONFLICT (unit_id) DO UPDATE SET revision = r.revision + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO unit_data_revisions AS r (unit_id, revision)
      SELECT unit_id, 1 FROM (SELECT unit_id FROM new_rows UNION SELECT unit_id FROM old_rows) AS changed
      ON CONFLICT (unit_id) DO UPDATE SET revision = r.revision + 1;
  ELSE
    INSERT INTO unit_data_revisions AS r (unit_id, revision)
      SELECT DISTINCT unit_id, 1 FROM old_rows
      ON CONFLICT (unit_id) DO UPDATE SET revision = r.revision + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dossiers_inserted_bump_revision AFTER INSERT ON dossiers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_unit_data_revision();
CREATE TRIGGER dossiers_updated_bump_revision AFTER UPDATE ON dossiers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_unit_data_revision();
CREATE TRIGGER dossiers_deleted_bump_revision AFTER DELETE ON dossiers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_unit_data_revision();

-- Per report: the subtree revision its figures were computed at, and the last comparison made.
CREATE TABLE report_data_checks (
  report_id          integer PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  computed_revision  bigint NOT NULL,
  checked_revision   bigint,
  changes            jsonb NOT NULL DEFAULT '[]'::jsonb
);
