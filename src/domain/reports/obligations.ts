import { cutoffWindow, parsePeriodId, reportingDeadline, type CutoffRule, type Period } from '../period';
import type { WorkCalendar } from '../calendar/working-days';
import type { PERIOD_KINDS } from '../templates/template';

export type ObligationPeriodKind = (typeof PERIOD_KINDS)[number];

/** When nothing else is set: due five days after the cut-off. */
export const DEFAULT_DEADLINE_DAYS = 5;

const ID_SUFFIXES: Record<ObligationPeriodKind, string[]> = {
  year: [''],
  half: ['-H1', '-H2'],
  nine_months: ['-9M'],
  quarter: ['-Q1', '-Q2', '-Q3', '-Q4'],
  month: ['-M01', '-M02', '-M03', '-M04', '-M05', '-M06', '-M07', '-M08', '-M09', '-M10', '-M11', '-M12'],
};

export interface DuePeriod {
  period: Period;
  from: string;
  to: string;
  deadline: string;
}

export function duePeriod(period: Period, rule: CutoffRule, deadlineDays: number, calendar?: WorkCalendar): DuePeriod {
  const window = cutoffWindow(period, rule);
  return { period, from: window.from, to: window.to, deadline: reportingDeadline(period, rule, deadlineDays, calendar ? { calendar } : {}) };
}

/**
 * The periods an obligation asks for around `today`: those whose data window has started and
 * whose deadline is not more than `lookbackDays` ago, oldest first.
 */
export function recentDuePeriods(
  kinds: readonly ObligationPeriodKind[],
  rule: CutoffRule,
  deadlineDays: number,
  today: string,
  options: { lookbackDays?: number; calendar?: WorkCalendar } = {},
): DuePeriod[] {
  const year = Number(today.slice(0, 4));
  const lookback = new Date(Date.parse(`${today}T00:00:00Z`) - (options.lookbackDays ?? 120) * 86_400_000).toISOString().slice(0, 10);
  const result: DuePeriod[] = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const kind of kinds) {
      for (const suffix of ID_SUFFIXES[kind]) {
        const due = duePeriod(parsePeriodId(`${y}${suffix}`), rule, deadlineDays, options.calendar);
        if (due.from <= today && due.deadline >= lookback) result.push(due);
      }
    }
  }
  return result.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.period.id.localeCompare(b.period.id));
}
