-- Administrative units of both eras (three-level until 30/06/2025, two-level since).
-- A code is unique only within one validity start: the 2025 and 2026 lists reuse codes.
CREATE TABLE units (
  id          serial PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  name_search text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  parent_id   integer REFERENCES units (id),
  valid_from  date,
  valid_to    date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from <= valid_to)
);
CREATE UNIQUE INDEX units_code_valid_from_key ON units (code, coalesce(valid_from, '-infinity'::date));
CREATE INDEX units_parent_id_idx ON units (parent_id);
CREATE INDEX units_name_search_idx ON units (name_search);

CREATE TABLE users (
  id            serial PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('officer', 'reviewer', 'admin')),
  unit_id       integer NOT NULL REFERENCES units (id),
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_unit_id_idx ON users (unit_id);

-- Server-side sessions: the cookie carries a random token, the table keeps only its hash.
CREATE TABLE sessions (
  id          text PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE audit_log (
  id       serial PRIMARY KEY,
  at       timestamptz NOT NULL DEFAULT now(),
  user_id  integer REFERENCES users (id) ON DELETE SET NULL,
  action   text NOT NULL,
  subject  text,
  details  jsonb
);
