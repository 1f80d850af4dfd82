-- Submission and review. A report moves draft → submitted → approved, or → returned → submitted.
-- `revision` counts every saved change (the optimistic-locking version); `correction` counts the
-- times an approved report was reopened to be corrected.
ALTER TABLE reports ADD COLUMN correction integer NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN submitted_at timestamptz;
ALTER TABLE reports ADD COLUMN first_submitted_at timestamptz;
ALTER TABLE reports ADD COLUMN approved_at timestamptz;

-- The numerator and denominator behind a rate computed from dossiers, so a higher level can
-- recompute the rate from summed parts.
ALTER TABLE report_values ADD COLUMN parts jsonb;

-- Append-only: every transition with who, when, why, and the values as they stood (the frozen
-- snapshot of a submission or an approval).
CREATE TABLE report_events (
  id           serial PRIMARY KEY,
  report_id    integer NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  at           timestamptz NOT NULL DEFAULT now(),
  user_id      integer REFERENCES users (id) ON DELETE SET NULL,
  action       text NOT NULL CHECK (action IN ('submit', 'resubmit', 'return', 'approve', 'reopen')),
  from_status  text NOT NULL,
  to_status    text NOT NULL,
  comment      text,
  correction   integer NOT NULL,
  revision     integer NOT NULL,
  snapshot     jsonb
);
CREATE INDEX report_events_report ON report_events (report_id, id);

-- Who must report what: the units at the template's levels inside `unit_id`'s subtree report the
-- listed period kinds, each due `deadline_days` calendar days after the period's cut-off.
CREATE TABLE reporting_obligations (
  id             serial PRIMARY KEY,
  unit_id        integer NOT NULL REFERENCES units (id),
  template_id    text NOT NULL,
  period_kinds   jsonb NOT NULL,
  deadline_days  integer NOT NULL CHECK (deadline_days BETWEEN 0 AND 60),
  user_id        integer REFERENCES users (id) ON DELETE SET NULL,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, template_id)
);

CREATE INDEX reports_template_period ON reports (template_id, period_id);
