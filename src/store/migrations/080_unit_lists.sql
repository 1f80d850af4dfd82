-- The unit's procedure list (danh mục TTHC của đơn vị), one row per version of a procedure:
-- a later decision that changes a procedure starts a new version and ends the previous one,
-- so a past period is computed with the list then in force.
CREATE TABLE unit_procedures (
  id           serial PRIMARY KEY,
  unit_id      integer NOT NULL REFERENCES units (id),
  code         text NOT NULL,
  name         text NOT NULL,
  field        text NOT NULL,
  level        text CHECK (level IN ('province', 'district', 'commune')),
  online_mode  text NOT NULL CHECK (online_mode IN ('full', 'partial', 'none')),
  valid_from   date NOT NULL,
  valid_to     date,
  decision     text NOT NULL DEFAULT '',
  -- posted, one_stop, published_national, … (src/domain/procedures/unit-procedure.ts): true/false.
  flags        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, code, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- Registers kept once and reused every period (src/domain/registers/registers.ts): staff,
-- equipment, electronic documents, information activities. A span entry lasts from start_day to
-- end_day (inclusive, open while null); a day entry happened on start_day.
CREATE TABLE register_entries (
  id          serial PRIMARY KEY,
  unit_id     integer NOT NULL REFERENCES units (id),
  register    text NOT NULL CHECK (register IN ('staff', 'equipment', 'documents', 'activities')),
  start_day   date NOT NULL,
  end_day     date,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (end_day IS NULL OR end_day >= start_day)
);
CREATE INDEX register_entries_unit_idx ON register_entries (unit_id, register, start_day);
