-- Stores that applied the first version of 045 hold UNIQUE NULLS NOT DISTINCT (name, unit_id)
-- (PostgreSQL 15+ only); 045 now creates an expression index any supported server has. Bring
-- those stores to the same index; on the others this changes nothing.
ALTER TABLE import_sources DROP CONSTRAINT IF EXISTS import_sources_name_unit;
CREATE UNIQUE INDEX IF NOT EXISTS import_sources_name_unit ON import_sources (name, (coalesce(unit_id, 0)));
