-- A unit's report for a period on one version of a template.
CREATE TABLE reports (
  id                serial PRIMARY KEY,
  unit_id           integer NOT NULL REFERENCES units (id),
  template_id       text NOT NULL,
  template_version  text NOT NULL,
  period_id         text NOT NULL,
  window_from       date NOT NULL,
  window_to         date NOT NULL,
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  revision          integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, template_id, period_id)
);

-- Each value with where it came from; numbers are JSON numbers, never locale strings.
CREATE TABLE report_values (
  report_id   integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  row_id      text NOT NULL,
  value       jsonb,
  provenance  text NOT NULL CHECK (provenance IN ('computed', 'entered', 'overridden')),
  computed    jsonb,
  reason      text,
  PRIMARY KEY (report_id, row_id),
  CHECK (provenance <> 'overridden' OR reason IS NOT NULL)
);

-- Every change is a revision: who, when, what (row → before/after).
CREATE TABLE report_revisions (
  id          serial PRIMARY KEY,
  report_id   integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  revision    integer NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  user_id     integer REFERENCES users (id) ON DELETE SET NULL,
  action      text NOT NULL,
  changes     jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (report_id, revision)
);

-- The justification an official gives for each warning still standing.
CREATE TABLE report_justifications (
  report_id   integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  rule        text NOT NULL,
  row_id      text NOT NULL,
  text        text NOT NULL,
  PRIMARY KEY (report_id, rule, row_id)
);
