-- The document around a report's figures: header, signature and recipients (meta), and the
-- narrative sections with their free text and generated paragraphs. One row per report.
CREATE TABLE report_documents (
  report_id   integer PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  meta        jsonb NOT NULL,
  narrative   jsonb NOT NULL,
  user_id     integer REFERENCES users (id) ON DELETE SET NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
