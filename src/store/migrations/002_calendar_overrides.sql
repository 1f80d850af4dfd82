-- Local days and corrections layered over the national working-day schedule
-- (a provincial holiday, a unit's own arrangement, an admin's correction of a forecast year).
CREATE TABLE calendar_overrides (
  id            serial PRIMARY KEY,
  day           date NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('holiday', 'day_off', 'swapped_day_off', 'makeup_workday', 'workday')),
  reason        text NOT NULL CHECK (length(reason) > 0),
  legal_ref     text,
  province_code text NOT NULL,
  unit_code     text,
  created_by    integer REFERENCES users (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX calendar_overrides_day_scope_key ON calendar_overrides (day, province_code, coalesce(unit_code, ''));
CREATE INDEX calendar_overrides_province_idx ON calendar_overrides (province_code, day);
