import { useEffect, useState } from 'react';
import { formatDate, parseViDate } from '../format/date';

interface Props {
  label: string;
  /** ISO date, or '' for none. */
  value: string;
  onChange: (iso: string) => void;
}

/**
 * A date typed the Vietnamese way (dd/mm/yyyy). The value changes only when what is typed is a
 * real date, or nothing; anything else is marked invalid and left out.
 */
export function DateInput({ label, value, onChange }: Props) {
  const [draft, setDraft] = useState(value ? formatDate(value) : '');
  const invalid = draft.trim() !== '' && parseViDate(draft) === null;

  useEffect(() => {
    setDraft((current) => ((parseViDate(current) ?? '') === value ? current : value ? formatDate(value) : ''));
  }, [value]);

  const onType = (text: string) => {
    setDraft(text);
    if (text.trim() === '') onChange('');
    else {
      const iso = parseViDate(text);
      if (iso) onChange(iso);
    }
  };

  return (
    <label className="field">
      <span>{label}</span>
      <input
        className="date-input"
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        value={draft}
        aria-invalid={invalid || undefined}
        onChange={(e) => onType(e.target.value)}
      />
      {invalid && <small className="field-error">Nhập ngày dạng dd/mm/yyyy.</small>}
    </label>
  );
}
