-- Failed sign-ins, kept in the store so that restarting the server does not reset the login
-- throttle. One row per failure and key: "pair:<username>|<address>", "user:<username>" (the
-- normalised name typed) and "address:<address>". Rows older than the throttle window are pruned.
CREATE TABLE login_failures (
  key  text NOT NULL,
  at   timestamptz NOT NULL
);
CREATE INDEX login_failures_key_at_idx ON login_failures (key, at);
