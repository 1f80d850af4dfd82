import { parseCutoffRule, parsePeriodId, periodContaining, periodLabel, type Period } from '../../domain/period';
import type { ObligationPeriodKind } from '../api/review';

/** The kinds of period, in the order offices report them. */
export const PERIOD_KIND_ORDER: readonly ObligationPeriodKind[] = ['quarter', 'half', 'nine_months', 'year', 'month'];

export const PERIOD_KIND_LABELS: Record<ObligationPeriodKind, string> = {
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  nine_months: '9 tháng',
  year: 'Năm',
};

const SUFFIXES: Record<ObligationPeriodKind, string[]> = {
  quarter: ['-Q1', '-Q2', '-Q3', '-Q4'],
  half: ['-H1', '-H2'],
  nine_months: ['-9M'],
  year: [''],
  month: Array.from({ length: 12 }, (_, i) => `-M${String(i + 1).padStart(2, '0')}`),
};

export interface PeriodOption {
  id: string;
  label: string;
}

/** The kinds a template is made for, in reporting order. */
export const orderedKinds = (kinds: readonly string[]): ObligationPeriodKind[] => PERIOD_KIND_ORDER.filter((k) => kinds.includes(k));

/** Every period of a kind from one year to another, oldest first: 2025-Q1 … 2026-Q4. */
export function periodOptions(kind: ObligationPeriodKind, fromYear: number, toYear: number): PeriodOption[] {
  const options: PeriodOption[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const suffix of SUFFIXES[kind]) {
      const id = `${year}${suffix}`;
      options.push({ id, label: labelOf(id) });
    }
  }
  return options;
}

/** "Quý I năm 2026"; an id that is not a period is shown as it is. */
export function labelOf(periodId: string): string {
  const period = tryParse(periodId);
  return period ? periodLabel(period) : periodId;
}

/** The kind of a period id (2026-Q1 → quarter), or null for a custom range or nonsense. */
export function kindOf(periodId: string): ObligationPeriodKind | null {
  const period = tryParse(periodId);
  return period && period.kind !== 'custom' ? period.kind : null;
}

/** A period's place in the sequence of its kind, to walk forwards and backwards. */
function ordinal(period: Period): number {
  const perYear = period.kind === 'custom' ? 1 : SUFFIXES[period.kind].length;
  const index = period.kind === 'custom' || period.kind === 'year' || period.kind === 'nine_months' ? 1 : (period.index ?? 1);
  return period.year * perYear + index - 1;
}

function fromOrdinal(kind: ObligationPeriodKind, n: number): string {
  const perYear = SUFFIXES[kind].length;
  const year = Math.floor(n / perYear);
  return `${year}${SUFFIXES[kind][n - year * perYear]}`;
}

/**
 * The periods of one kind between two ids, both included, oldest first (the ends may come in
 * either order). Ids of another kind or that are not periods give an empty list.
 */
export function periodRange(kind: ObligationPeriodKind, fromId: string, toId: string): string[] {
  const from = tryParse(fromId);
  const to = tryParse(toId);
  if (!from || !to || from.kind !== kind || to.kind !== kind) return [];
  const [a, b] = [ordinal(from), ordinal(to)].sort((x, y) => x - y) as [number, number];
  return Array.from({ length: b - a + 1 }, (_, i) => fromOrdinal(kind, a + i));
}

/**
 * The last `count` periods of a kind, ending with the one whose data window holds today under
 * the template's cut-off rule (the period being worked on now): on 23/11/2026 under Decree 09
 * the last 4 quarters are 2026-Q1 … 2026-Q4.
 */
export function recentPeriods(kind: ObligationPeriodKind, today: string, count: number, cutoff = 'nd09'): string[] {
  let current: Period;
  try {
    const rule = parseCutoffRule(cutoff);
    current = kind === 'nine_months' ? parsePeriodId(`${periodContaining(today, 'year', rule).year}-9M`) : periodContaining(today, kind, rule);
  } catch {
    current = parsePeriodId(`${today.slice(0, 4)}${SUFFIXES[kind][0]}`);
  }
  const end = ordinal(current);
  return Array.from({ length: count }, (_, i) => fromOrdinal(kind, end - count + 1 + i));
}

function tryParse(id: string): Period | null {
  try {
    return parsePeriodId(id);
  } catch {
    return null;
  }
}
