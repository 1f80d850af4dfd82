import { useId } from 'react';
import type { ObligationPeriodKind } from '../api/review';
import { PERIOD_KIND_LABELS } from './periods';

/** Month, quarter, half, 9 months or year: the kinds the template is made for. */
export function PeriodKindSelect({ kinds, value, onChange }: { kinds: readonly ObligationPeriodKind[]; value: ObligationPeriodKind; onChange: (kind: ObligationPeriodKind) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Loại kỳ</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ObligationPeriodKind)}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {PERIOD_KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </div>
  );
}
