-- A report document's edits are compared by a revision number, not by the time of the last save:
-- two saves can share a timestamp (now() is the transaction's start, and milliseconds are kept),
-- so "the version I opened" must be a number that every save raises by one. A save names the
-- revision it started from and succeeds only if the row still has it (one atomic UPDATE).
-- Documents saved before start at revision 1 (0 means: never saved).
ALTER TABLE report_documents ADD COLUMN revision integer NOT NULL DEFAULT 1;
