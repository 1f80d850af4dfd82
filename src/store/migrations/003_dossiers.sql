-- Administrative procedures (thủ tục hành chính) as published, with their online mode.
CREATE TABLE procedures (
  id              serial PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  field           text NOT NULL,
  level           text NOT NULL DEFAULT '',
  online_mode     text NOT NULL CHECK (online_mode IN ('full', 'partial', 'none')),
  statutory_days  integer NOT NULL CHECK (statutory_days >= 0),
  has_fee         boolean NOT NULL DEFAULT false,
  interconnected  boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Dossiers (hồ sơ), keyed by the system they came from and that system's code: the key of
-- idempotent import. Days are local (UTC+7) calendar dates, computed once on the way in.
CREATE TABLE dossiers (
  id               serial PRIMARY KEY,
  source           text NOT NULL,
  code             text NOT NULL,
  unit_id          integer NOT NULL REFERENCES units (id),
  procedure_id     integer NOT NULL REFERENCES procedures (id),
  channel          text NOT NULL CHECK (channel IN ('direct', 'online', 'postal')),
  -- The procedure's online mode when the dossier was received (the catalogue may change later).
  online_mode      text NOT NULL CHECK (online_mode IN ('full', 'partial', 'none')),
  state            text NOT NULL CHECK (state IN ('processing', 'awaiting_supplement', 'paused', 'resolved', 'delivered', 'returned', 'withdrawn')),
  received_at      timestamptz NOT NULL,
  received_day     date NOT NULL,
  due_at           timestamptz,
  due_day          date,
  due_from_source  boolean NOT NULL DEFAULT true,
  result_at        timestamptz,
  delivered_at     timestamptz,
  finish_day       date,
  digitized_input  boolean NOT NULL DEFAULT false,
  digitized_output boolean NOT NULL DEFAULT false,
  has_fee          boolean NOT NULL DEFAULT false,
  paid_online      boolean NOT NULL DEFAULT false,
  rating           text CHECK (rating IN ('very_satisfied', 'satisfied', 'unsatisfied')),
  -- The days on which the dossier is open (received, not finished): the stock statistics
  -- (carried over, pending) are the dossiers whose span contains a date.
  open_span        daterange GENERATED ALWAYS AS (daterange(received_day, finish_day, '[)')) STORED,
  content_hash     text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, code),
  CHECK (finish_day IS NULL OR finish_day >= received_day)
);
CREATE INDEX dossiers_open_span_idx ON dossiers USING gist (open_span);
CREATE INDEX dossiers_unit_received_idx ON dossiers (unit_id, received_day);

-- Every state change, with its time and who made it; the current state follows from them.
CREATE TABLE dossier_events (
  id          serial PRIMARY KEY,
  dossier_id  integer NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  at          timestamptz NOT NULL,
  kind        text NOT NULL,
  actor       text NOT NULL,
  note        text
);
CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, at);

-- Daily flows per unit, procedure and channel (see src/domain/dossiers/facts.ts).
CREATE TABLE dossier_facts (
  unit_id                integer NOT NULL,
  day                    date NOT NULL,
  procedure_id           integer NOT NULL,
  channel                text NOT NULL,
  received               integer NOT NULL DEFAULT 0,
  received_full_mode     integer NOT NULL DEFAULT 0,
  received_partial_mode  integer NOT NULL DEFAULT 0,
  digitized_input        integer NOT NULL DEFAULT 0,
  with_fee               integer NOT NULL DEFAULT 0,
  paid_online            integer NOT NULL DEFAULT 0,
  resolved_early         integer NOT NULL DEFAULT 0,
  resolved_on_time       integer NOT NULL DEFAULT 0,
  resolved_late          integer NOT NULL DEFAULT 0,
  digitized_output       integer NOT NULL DEFAULT 0,
  returned               integer NOT NULL DEFAULT 0,
  withdrawn              integer NOT NULL DEFAULT 0,
  rating_very_satisfied  integer NOT NULL DEFAULT 0,
  rating_satisfied       integer NOT NULL DEFAULT 0,
  rating_unsatisfied     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, day, procedure_id, channel)
);

-- The same flows without the procedure: the small table that totals read.
CREATE TABLE dossier_unit_facts (
  unit_id                integer NOT NULL,
  day                    date NOT NULL,
  channel                text NOT NULL,
  received               integer NOT NULL DEFAULT 0,
  received_full_mode     integer NOT NULL DEFAULT 0,
  received_partial_mode  integer NOT NULL DEFAULT 0,
  digitized_input        integer NOT NULL DEFAULT 0,
  with_fee               integer NOT NULL DEFAULT 0,
  paid_online            integer NOT NULL DEFAULT 0,
  resolved_early         integer NOT NULL DEFAULT 0,
  resolved_on_time       integer NOT NULL DEFAULT 0,
  resolved_late          integer NOT NULL DEFAULT 0,
  digitized_output       integer NOT NULL DEFAULT 0,
  returned               integer NOT NULL DEFAULT 0,
  withdrawn              integer NOT NULL DEFAULT 0,
  rating_very_satisfied  integer NOT NULL DEFAULT 0,
  rating_satisfied       integer NOT NULL DEFAULT 0,
  rating_unsatisfied     integer NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, day, channel)
);

-- How to read the exports of one source system whose headers differ from ours.
CREATE TABLE import_sources (
  name        text PRIMARY KEY,
  column_map  jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per imported file, with the rows it rejected (to download, fix and re-import).
CREATE TABLE import_runs (
  id            serial PRIMARY KEY,
  source        text NOT NULL,
  file          text NOT NULL,
  user_id       integer REFERENCES users (id) ON DELETE SET NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  inserted      integer NOT NULL DEFAULT 0,
  updated       integer NOT NULL DEFAULT 0,
  unchanged     integer NOT NULL DEFAULT 0,
  rejected      integer NOT NULL DEFAULT 0,
  headers       jsonb NOT NULL DEFAULT '[]'::jsonb,
  errors        jsonb NOT NULL DEFAULT '[]'::jsonb,
  rejected_rows jsonb NOT NULL DEFAULT '[]'::jsonb
);
