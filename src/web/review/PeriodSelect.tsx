import { useId } from 'react';
import type { PeriodOption } from './periods';

/** One period of a list ("Quý I năm 2026"). */
export function PeriodSelect({ label, options, value, onChange }: { label: string; options: readonly PeriodOption[]; value: string; onChange: (id: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </div>
  );
}
