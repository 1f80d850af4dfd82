import { cumulativeWindow, cutoffRuleLabel, cutoffWindow, parseCutoffRule, parsePeriodId, periodContaining, periodLabel, type DateWindow } from '../../domain/period';

/** A period of the year a template is reported for: "Q1" → 2026-Q1, "Y" → 2026. */
export interface PeriodChoice {
  key: string;
  label: string;
}

const CHOICES_BY_KIND: Record<string, PeriodChoice[]> = {
  quarter: ['I', 'II', 'III', 'IV'].map((roman, i) => ({ key: `Q${i + 1}`, label: `Quý ${roman}` })),
  half: [{ key: 'H1', label: '6 tháng đầu năm' }],
  nine_months: [{ key: '9M', label: '9 tháng' }],
  year: [{ key: 'Y', label: 'Cả năm' }],
  month: Array.from({ length: 12 }, (_, i) => ({ key: `M${String(i + 1).padStart(2, '0')}`, label: `Tháng ${i + 1}` })),
};
const KIND_ORDER = ['quarter', 'half', 'nine_months', 'year', 'month'];

/** The periods a template is made for, in the order offices report them. */
export function periodChoices(kinds: readonly string[]): PeriodChoice[] {
  return KIND_ORDER.filter((kind) => kinds.includes(kind)).flatMap((kind) => CHOICES_BY_KIND[kind] ?? []);
}

export const periodIdOf = (year: number, key: string): string => (key === 'Y' ? String(year) : `${year}-${key}`);

/** "Quý I năm 2026"; an id the domain does not know is shown as it is. */
export function periodTitle(periodId: string): string {
  try {
    return periodLabel(parsePeriodId(periodId));
  } catch {
    return periodId;
  }
}

/** The dates a period's data cover under a template's cut-off rule (cumulative: from the start of the reporting year). */
export function periodWindow(periodId: string, cutoff: string, cumulative = false): DateWindow | null {
  try {
    const period = parsePeriodId(periodId);
    const rule = parseCutoffRule(cutoff);
    return cumulative ? cumulativeWindow(period, rule) : cutoffWindow(period, rule);
  } catch {
    return null;
  }
}

export function cutoffLabel(cutoff: string): string {
  try {
    return cutoffRuleLabel(parseCutoffRule(cutoff));
  } catch {
    return cutoff;
  }
}

/** The quarter whose data window holds today (else the first choice of that year). */
export function defaultPeriod(kinds: readonly string[], today: string, cutoff: string): { year: number; key: string } {
  const choices = periodChoices(kinds);
  try {
    const current = periodContaining(today, 'quarter', parseCutoffRule(cutoff));
    const key = `Q${current.kind === 'custom' ? 1 : (current.index ?? 1)}`;
    if (choices.some((c) => c.key === key)) return { year: current.year, key };
    return { year: current.year, key: choices[0]?.key ?? 'Y' };
  } catch {
    return { year: Number(today.slice(0, 4)), key: choices[0]?.key ?? 'Y' };
  }
}
