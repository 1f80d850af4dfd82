-- A submission made before the data window ended carries the reason the unit gave (shown in the
-- timeline and to the reviewer). Every submission and approval also freezes the document (header,
-- signature, narrative) beside the values, so that a report sent again after a return shows what
-- changed since the returned version, words included.
ALTER TABLE report_events ADD COLUMN early_reason text;
ALTER TABLE report_events ADD COLUMN document jsonb;

-- "Không phát sinh" is stored as "-" however it was typed before this version.
UPDATE report_values
SET value = '"-"'::jsonb
WHERE jsonb_typeof(value) = 'string'
  AND rtrim(btrim(value #>> '{}'), '.') IN (
    '–', '—', 'x', 'X', 'kps', 'KPS',
    'không phát sinh', 'Không phát sinh', 'KHÔNG PHÁT SINH',
    'khong phat sinh', 'Khong phat sinh', 'KHONG PHAT SINH'
  );
