import { useEffect, useId, useState, type FormEvent } from 'react';
import { formatDate, parseViDate } from '../format/date';
import { ERA_LABELS, type Era } from './era';

interface Props {
  era: Era;
  /** The date a "Vào ngày" choice starts from (today). */
  defaultDate: string;
  onChange: (era: Era) => void;
}

/** Current units, the three-level units before the reform, or the units in force on a date. */
export function EraSelector({ era, defaultDate, onChange }: Props) {
  const name = useId();
  const [draft, setDraft] = useState(formatDate(era.kind === 'date' ? era.date : defaultDate));
  const [problem, setProblem] = useState<string | null>(null);
  // The router applies the new address in a transition; the radios follow the click at once.
  const [kind, setKind] = useState(era.kind);

  useEffect(() => {
    setKind(era.kind);
    if (era.kind === 'date') setDraft(formatDate(era.date));
  }, [era]);

  const choose = (next: Era) => {
    setKind(next.kind);
    onChange(next);
  };

  const applyDate = (event?: FormEvent) => {
    event?.preventDefault();
    const date = parseViDate(draft);
    if (!date) {
      setProblem('Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy, ví dụ 30/06/2025.');
      return;
    }
    setProblem(null);
    choose({ kind: 'date', date });
  };

  return (
    <fieldset className="era-selector">
      <legend>Thời điểm hiệu lực</legend>
      <label className="radio">
        <input type="radio" name={name} checked={kind === 'current'} onChange={() => choose({ kind: 'current' })} />
        <span>{ERA_LABELS.current}</span>
      </label>
      <label className="radio">
        <input
          type="radio"
          name={name}
          checked={kind === 'before-reform'}
          onChange={() => choose({ kind: 'before-reform' })}
        />
        <span>{ERA_LABELS['before-reform']}</span>
      </label>
      <form className="era-date" onSubmit={applyDate}>
        <label className="radio">
          <input type="radio" name={name} checked={kind === 'date'} onChange={() => applyDate()} />
          <span>{ERA_LABELS.date}</span>
        </label>
        <input
          className="date-input"
          aria-label="Ngày hiệu lực (dd/mm/yyyy)"
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={problem ? true : undefined}
        />
        <button type="submit" className="button button-small">
          Xem
        </button>
      </form>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
