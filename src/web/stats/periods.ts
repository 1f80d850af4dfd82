import {
  cutoffWindow,
  DEFAULT_RULE,
  halfPeriod,
  monthPeriod,
  nineMonthsPeriod,
  parsePeriodId,
  periodContaining,
  periodLabel,
  quarterPeriod,
  yearPeriod,
  type Period,
} from '../../domain/period';
import { formatDate } from '../format/date';

export type ReportKind = 'month' | 'quarter' | 'half' | 'nine_months' | 'year';

export const REPORT_KIND_OPTIONS: Array<{ value: ReportKind; label: string }> = [
  { value: 'month', label: 'Tháng' },
  { value: 'quarter', label: 'Quý' },
  { value: 'half', label: '6 tháng' },
  { value: 'nine_months', label: '9 tháng' },
  { value: 'year', label: 'Năm' },
];

export const INDEX_OPTIONS: Partial<Record<ReportKind, Array<{ value: number; label: string }>>> = {
  month: Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `Tháng ${i + 1}` })),
  quarter: ['I', 'II', 'III', 'IV'].map((roman, i) => ({ value: i + 1, label: `Quý ${roman}` })),
  half: [
    { value: 1, label: '6 tháng đầu năm' },
    { value: 2, label: '6 tháng cuối năm' },
  ],
};

export function reportPeriod(year: number, kind: ReportKind, index: number): Period {
  switch (kind) {
    case 'month':
      return monthPeriod(year, index);
    case 'quarter':
      return quarterPeriod(year, index);
    case 'half':
      return halfPeriod(year, index);
    case 'nine_months':
      return nineMonthsPeriod(year);
    case 'year':
      return yearPeriod(year);
  }
}

/** A period the page can show: its id, its dates under the default cut-off rule (Decree 09/2019), its words. */
export interface ChosenPeriod {
  id: string;
  period: Period;
  from: string;
  to: string;
  /** "Quý I năm 2026: 15/12/2025 – 14/03/2026". */
  label: string;
}

export function choosePeriod(period: Period): ChosenPeriod {
  const window = cutoffWindow(period, DEFAULT_RULE);
  const dates = `${formatDate(window.from)} – ${formatDate(window.to)}`;
  const label = period.kind === 'custom' ? `Từ ngày ${formatDate(window.from)} đến ngày ${formatDate(window.to)}` : `${periodLabel(period)}: ${dates}`;
  return { id: period.id, period, from: window.from, to: window.to, label };
}

/** The period named in the address, else the quarter whose data window holds today. */
export function periodFromId(id: string | null, today: string): ChosenPeriod {
  if (id) {
    try {
      return choosePeriod(parsePeriodId(id));
    } catch {
      // A mistyped address falls back to the current quarter.
    }
  }
  return choosePeriod(periodContaining(today, 'quarter', DEFAULT_RULE));
}
