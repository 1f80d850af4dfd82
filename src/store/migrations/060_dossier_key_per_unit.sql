-- A dossier belongs to its unit: the key of idempotent import is (source, code, unit), so a code
-- in one unit's export can never address another unit's dossier (an import used to overwrite any
-- dossier with the same source and code and move it into the importer's unit). Existing rows
-- keep their data; (source, code) was unique, so (source, code, unit_id) is too.
ALTER TABLE dossiers DROP CONSTRAINT dossiers_source_code_key;
ALTER TABLE dossiers ADD CONSTRAINT dossiers_source_code_unit_key UNIQUE (source, code, unit_id);
