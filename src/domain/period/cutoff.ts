import { addDays, daysInMonth, formatIso, isoToEpochDay, parseIsoDate, type IsoDate } from '../calendar/plain-date';
import { workingDayOnOrAfter, type WorkCalendar } from '../calendar/working-days';
import { PeriodError } from './errors';
import { calendarRange, monthPeriod, quarterPeriod, halfPeriod, yearPeriod, type Period } from './period';

/**
 * Cut-off rules (thời gian chốt số liệu): which dates a period's data cover.
 *
 * - `nd09` (default) — Decree 09/2019/NĐ-CP art. 12: from the 15th of the month before the
 *   period's first month to the 14th of its last month; a year from 15/12 of the year before to
 *   14/12. The same as `day:15`.
 * - `calendar` — from the 1st of the first month to the last day of the last month.
 * - `day:D` (1 ≤ D ≤ 28) — from day D of the month before the first month to day D−1 of the last
 *   month (e.g. Hải Dương's `day:10`: 6 months 2022 = 10/12/2021–09/06/2022).
 *
 * A custom period covers exactly its own dates, whatever the rule.
 */
export type CutoffRule = { readonly kind: 'nd09' } | { readonly kind: 'calendar' } | { readonly kind: 'day'; readonly day: number };

export const DEFAULT_RULE: CutoffRule = { kind: 'nd09' };

export interface DateWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export function parseCutoffRule(input: string): CutoffRule {
  const text = input.trim().toLowerCase();
  if (text === 'nd09') return { kind: 'nd09' };
  if (text === 'calendar') return { kind: 'calendar' };
  const m = /^day:(\d{1,2})$/.exec(text);
  if (m) {
    const day = Number(m[1]);
    if (day < 1 || day > 28) {
      throw new PeriodError('invalid_rule', `Quy tắc chốt số liệu không hợp lệ: "${input}" (ngày chốt phải từ 1 đến 28).`);
    }
    return { kind: 'day', day };
  }
  throw new PeriodError(
    'invalid_rule',
    `Quy tắc chốt số liệu không hợp lệ: "${input}" (dùng nd09, calendar hoặc day:D với D từ 1 đến 28).`,
  );
}

export function formatCutoffRule(rule: CutoffRule): string {
  return rule.kind === 'day' ? `day:${rule.day}` : rule.kind;
}

export function cutoffRuleLabel(rule: CutoffRule): string {
  switch (rule.kind) {
    case 'nd09':
      return 'Theo Nghị định 09/2019/NĐ-CP (từ ngày 15 tháng trước đến ngày 14 tháng cuối kỳ)';
    case 'calendar':
      return 'Theo tháng dương lịch (từ ngày 1 đến ngày cuối tháng)';
    case 'day':
      return rule.day === 1
        ? 'Từ ngày 1 tháng trước kỳ đến hết tháng liền trước tháng cuối kỳ'
        : `Từ ngày ${rule.day} tháng trước đến ngày ${rule.day - 1} tháng cuối kỳ`;
  }
}

/** The cut-off day D of a rule (null for `calendar`). */
function cutoffDay(rule: CutoffRule): number | null {
  if (rule.kind === 'nd09') return 15;
  if (rule.kind === 'day') return rule.day;
  return null;
}

/** Day D of the month `offset` months away from (year, month). */
function dayOfMonth(year: number, month: number, offset: number, day: number): IsoDate {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIso({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** The dates a period's data cover under a cut-off rule. */
export function cutoffWindow(period: Period, rule: CutoffRule = DEFAULT_RULE): DateWindow {
  if (period.kind === 'custom') return { from: period.from, to: period.to };
  const d = cutoffDay(rule);
  if (d === null) return calendarRange(period);
  return {
    from: dayOfMonth(period.year, period.firstMonth, -1, d),
    to: addDays(dayOfMonth(period.year, period.lastMonth, 0, d), -1),
  };
}

/**
 * The cumulative window (lũy kế từ đầu năm): from the start of the reporting year under the
 * same rule to the end of the period. For a custom period, the reporting year is the one its
 * last day falls in under the rule.
 */
export function cumulativeWindow(period: Period, rule: CutoffRule = DEFAULT_RULE): DateWindow {
  const end = cutoffWindow(period, rule).to;
  const year = period.kind === 'custom' ? reportingYearOf(end, rule) : period.year;
  return { from: cutoffWindow(yearPeriod(year), rule).from, to: end };
}

/** The reporting year whose window contains `date` under a rule. */
export function reportingYearOf(date: IsoDate, rule: CutoffRule = DEFAULT_RULE): number {
  const { year } = parseIsoDate(date);
  const next = cutoffWindow(yearPeriod(year + 1 > 2100 ? 2100 : year + 1), rule);
  return year < 2100 && date >= next.from ? year + 1 : year;
}

/** The month, quarter, half or year whose data window contains `date` under a rule. */
export function periodContaining(
  date: IsoDate,
  kind: 'month' | 'quarter' | 'half' | 'year',
  rule: CutoffRule = DEFAULT_RULE,
): Period {
  const parsed = parseIsoDate(date);
  const d = cutoffDay(rule);
  let index = parsed.year * 12 + parsed.month - 1;
  if (d !== null && parsed.day >= d) index += 1;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  switch (kind) {
    case 'month':
      return monthPeriod(year, month);
    case 'quarter':
      return quarterPeriod(year, Math.ceil(month / 3));
    case 'half':
      return halfPeriod(year, month <= 6 ? 1 : 2);
    case 'year':
      return yearPeriod(year);
  }
}

export interface ReportingDeadlineOptions {
  /** Move a deadline that falls on a day off to the next working day (Civil Code 2015 art. 148(5)). */
  readonly calendar?: WorkCalendar;
}

/**
 * The reporting deadline: the cut-off end plus `days` calendar days (the number is data of the
 * report template). With a calendar, a deadline on a day off moves to the next working day.
 */
export function reportingDeadline(
  period: Period,
  rule: CutoffRule,
  days: number,
  options: ReportingDeadlineOptions = {},
): IsoDate {
  if (!Number.isInteger(days) || days < 0 || days > 366) {
    throw new PeriodError('invalid_argument', `Số ngày gửi báo cáo phải là số nguyên từ 0 đến 366 (nhận được ${days}).`);
  }
  const deadline = addDays(cutoffWindow(period, rule).to, days);
  return options.calendar ? workingDayOnOrAfter(options.calendar, deadline) : deadline;
}

/** Number of days in a window, both ends included. */
export function windowLength(window: DateWindow): number {
  return isoToEpochDay(window.to) - isoToEpochDay(window.from) + 1;
}
