import { useState } from 'react';
import { formatDocumentDate, parseDocumentDateText } from '../format/date';

interface Props {
  id: string;
  /** Stored form: 2026-03-15, 2026-03 or 2026. */
  value: string;
  onChange: (stored: string) => void;
}

/**
 * The date of the signed document, typed dd/mm/yyyy (or mm/yyyy to leave the day to the clerk).
 * What is not a date stays in the field, marked, and is not passed on.
 */
export function DocumentDateField({ id, value, onChange }: Props) {
  const [draft, setDraft] = useState(() => formatDocumentDate(value));
  const [shown, setShown] = useState(value);
  // A new value from outside (after a save) replaces what is typed.
  if (value !== shown) {
    setShown(value);
    if (parseDocumentDateText(draft) !== value) setDraft(formatDocumentDate(value));
  }
  const invalid = parseDocumentDateText(draft) === null;
  return (
    <>
      <input
        id={id}
        className="date-input"
        value={draft}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setDraft(e.target.value);
          const stored = parseDocumentDateText(e.target.value);
          if (stored) {
            setShown(stored);
            onChange(stored);
          }
        }}
      />
      {invalid && <small className="field-error">Nhập ngày dạng dd/mm/yyyy (hoặc mm/yyyy để văn thư điền ngày).</small>}
    </>
  );
}
