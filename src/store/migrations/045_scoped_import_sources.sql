-- Column mappings and import runs belong to a unit, so they are read and written within the
-- unit-subtree rule like all other data.
--
-- A mapping is saved for one unit (a province's admin saves it for the province, a commune's admin
-- for the commune); an import reads the nearest mapping up its unit's chain, then the
-- installation-wide one (unit_id NULL). Mappings saved before this migration were global: they stay
-- the installation-wide default, so every province keeps reading its files exactly as before until
-- its admin saves its own. Only the operator of the installation (the CLI) imports with it directly.
ALTER TABLE import_sources DROP CONSTRAINT import_sources_pkey;
ALTER TABLE import_sources ADD COLUMN unit_id integer REFERENCES units (id) ON DELETE CASCADE;
-- One mapping per source and unit, and one default (NULL) per source. An expression index rather
-- than UNIQUE NULLS NOT DISTINCT, which PostgreSQL servers before 15 do not have.
CREATE UNIQUE INDEX import_sources_name_unit ON import_sources (name, (coalesce(unit_id, 0)));

-- The unit an import was made for (the importer's unit at that moment): who may download its
-- rejected rows. Runs from the CLI have none.
ALTER TABLE import_runs ADD COLUMN unit_id integer REFERENCES units (id) ON DELETE SET NULL;
UPDATE import_runs r SET unit_id = u.unit_id FROM users u WHERE u.id = r.user_id;
