export { readPeriod } from '../period-input';
import {
  cutoffWindow,
  halfPeriod,
  monthPeriod,
  parseCutoffRule,
  periodContaining,
  periodLabel,
  PeriodError,
  quarterPeriod,
  yearPeriod,
  type CutoffRule,
  type Period,
} from '../../domain/period';
import { invalidInput } from '../errors';

/** The period kinds a trend steps through: they tile the year, so consecutive windows touch without overlapping. */
export const TREND_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type TrendKind = (typeof TREND_KINDS)[number];

export const TREND_KIND_LABELS: Record<TrendKind, string> = { month: 'tháng', quarter: 'quý', half: '6 tháng', year: 'năm' };

/** How many periods a trend shows unless asked: a year of months, two years of quarters… */
export const DEFAULT_TREND_LENGTH: Record<TrendKind, number> = { month: 12, quarter: 8, half: 6, year: 5 };
export const MAX_TREND_LENGTH = 60;

export interface PeriodWindow {
  id: string;
  label: string;
  /** A short label for a chart axis: "T1/2026", "Quý I/2026", "6 tháng đầu 2026", "Năm 2026". */
  shortLabel: string;
  from: string;
  to: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function shortPeriodLabel(period: Period): string {
  switch (period.kind) {
    case 'month':
      return `T${period.index}/${period.year}`;
    case 'quarter':
      return `Quý ${ROMAN[(period.index ?? 1) - 1]}/${period.year}`;
    case 'half':
      return `6 tháng ${period.index === 1 ? 'đầu' : 'cuối'} ${period.year}`;
    default:
      return periodLabel(period);
  }
}

/** The period of the same kind just before this one. */
export function previousPeriod(period: Period): Period {
  const index = period.kind !== 'custom' ? (period.index ?? 1) : 1;
  switch (period.kind) {
    case 'month':
      return index > 1 ? monthPeriod(period.year, index - 1) : monthPeriod(period.year - 1, 12);
    case 'quarter':
      return index > 1 ? quarterPeriod(period.year, index - 1) : quarterPeriod(period.year - 1, 4);
    case 'half':
      return index > 1 ? halfPeriod(period.year, 1) : halfPeriod(period.year - 1, 2);
    case 'year':
      return yearPeriod(period.year - 1);
    default:
      throw invalidInput(`Không lùi được kỳ "${period.id}": chỉ dùng kỳ tháng, quý, 6 tháng hoặc năm.`);
  }
}

export function windowOf(period: Period, rule: CutoffRule): PeriodWindow {
  const { from, to } = cutoffWindow(period, rule);
  return { id: period.id, label: periodLabel(period), shortLabel: shortPeriodLabel(period), from, to };
}

export function readRule(text: string | undefined): CutoffRule {
  try {
    return parseCutoffRule(text ?? 'nd09');
  } catch (error) {
    if (error instanceof PeriodError) throw invalidInput(error.message);
    throw error;
  }
}

/** `count` periods of a kind ending with `last`, oldest first. */
export function periodsEndingWith(last: Period, count: number): Period[] {
  const out = [last];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}

/** The period whose data window holds `today`, of a kind. */
export function currentPeriod(today: string, kind: TrendKind, rule: CutoffRule): Period {
  return periodContaining(today, kind, rule);
}

