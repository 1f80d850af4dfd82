import { isValidPlainDate, lastDayOfMonth, formatVn, type IsoDate } from '../calendar/plain-date';
import { PeriodError } from './errors';

/**
 * Reporting periods (kỳ báo cáo) and their ids:
 *
 *   2024        year                 "Năm 2024"
 *   2024-H1     first 6 months       "6 tháng đầu năm 2024"   (2024-H2: "6 tháng cuối năm 2024")
 *   2024-9M     first 9 months       "9 tháng năm 2024"
 *   2024-Q1     quarter 1–4          "Quý I năm 2024"
 *   2024-M11    month 1–12           "Tháng 11 năm 2024"      (M3 and M03 are both read; M03 is written)
 *   2024-01-05..2024-02-10           a custom range of dates, both ends included
 *
 * A period's months say which months it covers; the dates its data cover depend on the
 * cut-off rule (see cutoff.ts).
 */
export type PeriodKind = 'year' | 'half' | 'nine_months' | 'quarter' | 'month' | 'custom';

interface MonthPeriod {
  readonly id: string;
  readonly kind: Exclude<PeriodKind, 'custom'>;
  readonly year: number;
  /** Quarter (1–4), half (1–2) or month (1–12); absent for year and 9 months. */
  readonly index?: number;
  /** First and last month covered, 1–12. */
  readonly firstMonth: number;
  readonly lastMonth: number;
}

interface CustomPeriod {
  readonly id: string;
  readonly kind: 'custom';
  /** Year of the last day. */
  readonly year: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export type Period = MonthPeriod | CustomPeriod;

export const PERIOD_MIN_YEAR = 1900;
export const PERIOD_MAX_YEAR = 2100;

const FORMS = '2024, 2024-Q1, 2024-M11, 2022-H1, 2023-9M hoặc 2024-01-05..2024-02-10';

function invalid(id: string, why: string): never {
  throw new PeriodError('invalid_period', `Kỳ báo cáo không hợp lệ: "${id}" (${why}).`);
}

function checkYear(id: string, year: number): void {
  if (year < PERIOD_MIN_YEAR || year > PERIOD_MAX_YEAR) {
    invalid(id, `năm phải từ ${PERIOD_MIN_YEAR} đến ${PERIOD_MAX_YEAR}`);
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function yearPeriod(year: number): Period {
  checkYear(String(year), year);
  return { id: String(year), kind: 'year', year, firstMonth: 1, lastMonth: 12 };
}

export function halfPeriod(year: number, half: number): Period {
  const id = `${year}-H${half}`;
  checkYear(id, year);
  if (half !== 1 && half !== 2) invalid(id, 'nửa năm phải là H1 hoặc H2');
  return { id, kind: 'half', year, index: half, firstMonth: half === 1 ? 1 : 7, lastMonth: half === 1 ? 6 : 12 };
}

export function nineMonthsPeriod(year: number): Period {
  const id = `${year}-9M`;
  checkYear(id, year);
  return { id, kind: 'nine_months', year, firstMonth: 1, lastMonth: 9 };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const id = `${year}-Q${quarter}`;
  checkYear(id, year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) invalid(id, 'quý phải từ 1 đến 4');
  return { id, kind: 'quarter', year, index: quarter, firstMonth: quarter * 3 - 2, lastMonth: quarter * 3 };
}

export function monthPeriod(year: number, month: number): Period {
  const id = `${year}-M${pad2(month)}`;
  checkYear(id, year);
  if (!Number.isInteger(month) || month < 1 || month > 12) invalid(`${year}-M${month}`, 'tháng phải từ 1 đến 12');
  return { id, kind: 'month', year, index: month, firstMonth: month, lastMonth: month };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function customDate(id: string, text: string): IsoDate {
  const m = DATE_RE.exec(text);
  if (!m) invalid(id, 'mỗi đầu khoảng phải là ngày dạng YYYY-MM-DD');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidPlainDate(y, mo, d)) invalid(id, `không có ngày ${text} trong lịch`);
  checkYear(id, y);
  return text;
}

export function customPeriod(from: IsoDate, to: IsoDate): Period {
  const id = `${from}..${to}`;
  customDate(id, from);
  customDate(id, to);
  if (from > to) invalid(id, 'ngày bắt đầu sau ngày kết thúc');
  return { id, kind: 'custom', year: Number(to.slice(0, 4)), from, to };
}

/** Parses a period id; throws a PeriodError with a Vietnamese message if it is not one. */
export function parsePeriodId(input: string): Period {
  const id = input.trim();
  const custom = /^(.+)\.\.(.+)$/.exec(id);
  if (custom) return customPeriod(custom[1]!.trim(), custom[2]!.trim());
  const m = /^(\d{4})(?:-(?:([QqHhMm])(\d{1,2})|(9[Mm])))?$/.exec(id);
  if (!m) {
    const year = /^(\d{4})-/.exec(id);
    if (year && /^\d{4}-[Qq]\d+$/.test(id)) invalid(id, 'quý phải từ 1 đến 4');
    if (year && /^\d{4}-[Mm]\d+$/.test(id)) invalid(id, 'tháng phải từ 1 đến 12');
    if (year && /^\d{4}-[Hh]\d+$/.test(id)) invalid(id, 'nửa năm phải là H1 hoặc H2');
    invalid(id, `dạng hợp lệ: ${FORMS}`);
  }
  const year = Number(m[1]);
  if (m[4]) return nineMonthsPeriod(year);
  if (!m[2]) return yearPeriod(year);
  const letter = m[2].toUpperCase();
  const n = Number(m[3]);
  const shown = (p: () => Period): Period => {
    try {
      return p();
    } catch (error) {
      // Report the id as the user typed it.
      if (error instanceof PeriodError) throw new PeriodError(error.code, error.message.replace(/"[^"]*"/, `"${id}"`));
      throw error;
    }
  };
  if (letter === 'Q') return shown(() => quarterPeriod(year, n));
  if (letter === 'H') return shown(() => halfPeriod(year, n));
  return shown(() => monthPeriod(year, n));
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** Vietnamese label of a period, as printed on a report. */
export function periodLabel(period: Period): string {
  switch (period.kind) {
    case 'year':
      return `Năm ${period.year}`;
    case 'half':
      return `6 tháng ${period.index === 1 ? 'đầu' : 'cuối'} năm ${period.year}`;
    case 'nine_months':
      return `9 tháng năm ${period.year}`;
    case 'quarter':
      return `Quý ${ROMAN[(period.index ?? 1) - 1]} năm ${period.year}`;
    case 'month':
      return `Tháng ${period.index} năm ${period.year}`;
    case 'custom':
      return `Từ ngày ${formatVn(period.from)} đến ngày ${formatVn(period.to)}`;
  }
}

/** The calendar dates a period names (1st of its first month to the last of its last month). */
export function calendarRange(period: Period): { from: IsoDate; to: IsoDate } {
  if (period.kind === 'custom') return { from: period.from, to: period.to };
  return {
    from: `${period.year}-${pad2(period.firstMonth)}-01`,
    to: lastDayOfMonth(period.year, period.lastMonth),
  };
}
