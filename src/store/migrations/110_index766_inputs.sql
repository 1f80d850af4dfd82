-- Inputs of the service index (Decision 766/QĐ-TTg) that the dossiers cannot give (procedures
-- published on time, feedback handled, data reused…), entered per unit and calendar month and
-- summed over a unit's subtree and the months of a window. The key is declared by a scoring
-- profile (index-profiles/*.yaml, manual_inputs); who entered a value and when is kept here and
-- in the audit trail.
CREATE TABLE index766_inputs (
  unit_id     integer NOT NULL REFERENCES units (id),
  month       date NOT NULL CHECK (extract(day FROM month) = 1),
  key         text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*$' AND length(key) <= 64),
  value       integer NOT NULL CHECK (value >= 0 AND value <= 10000000),
  updated_by  integer REFERENCES users (id) ON DELETE SET NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, month, key)
);
CREATE INDEX index766_inputs_month_idx ON index766_inputs (month);
