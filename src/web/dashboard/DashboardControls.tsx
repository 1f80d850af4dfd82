import { useId } from 'react';
import type { Period } from '../../domain/period';
import type { RateKey, TrendKind } from '../api/dashboard';
import { INDEX_OPTIONS, reportPeriod } from '../stats/periods';
import { RATE_OPTIONS } from './rates';

export const KIND_OPTIONS: Array<{ value: TrendKind; label: string }> = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'half', label: '6 tháng' },
  { value: 'year', label: 'Năm' },
];

interface Props {
  kind: TrendKind;
  period: Period;
  years: number[];
  rate: RateKey;
  onPeriod: (kind: TrendKind, period: Period) => void;
  /** null: no ranking or distribution to choose for (a commune has no units below it). */
  onRate: ((rate: RateKey) => void) | null;
}

/** The kind of period and the period the dashboard ends with, and the rate units are ranked by. */
export function DashboardControls({ kind, period, years, rate, onPeriod, onRate }: Props) {
  const id = useId();
  const index = period.kind !== 'custom' ? (period.index ?? 1) : 1;
  const indexOptions = INDEX_OPTIONS[kind];
  const emit = (next: { kind?: TrendKind; year?: number; index?: number }) => {
    const k = next.kind ?? kind;
    const options = INDEX_OPTIONS[k];
    let i = next.index ?? index;
    if (options && !options.some((o) => o.value === i)) i = 1;
    onPeriod(k, reportPeriod(next.year ?? period.year, k, i));
  };

  return (
    <fieldset className="period-picker dashboard-controls">
      <legend>Kỳ và chỉ tiêu</legend>
      <div className="period-fields">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Loại kỳ</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => emit({ kind: e.target.value as TrendKind })}>
            {KIND_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>Năm</label>
          <select id={`${id}-year`} value={period.year} onChange={(e) => emit({ year: Number(e.target.value) })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {indexOptions && (
          <div className="field">
            <label htmlFor={`${id}-index`}>Kỳ</label>
            <select id={`${id}-index`} value={index} onChange={(e) => emit({ index: Number(e.target.value) })}>
              {indexOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {onRate && (
          <div className="field">
            <label htmlFor={`${id}-rate`}>Chỉ tiêu xếp hạng, phân bố</label>
            <select id={`${id}-rate`} value={rate} onChange={(e) => onRate(e.target.value as RateKey)}>
              {RATE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
    </fieldset>
  );
}
