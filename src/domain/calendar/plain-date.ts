import { CalendarError } from './errors';

/**
 * Plain calendar dates without time or timezone. All arithmetic runs on integer day numbers
 * (days since 1970-01-01, "epoch days"), never on the host clock or timezone.
 */

/** An ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

export interface PlainDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function toEpochDay(date: PlainDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = date.month > 2 ? date.month - 3 : date.month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of an epoch day (H. Hinnant's civil_from_days). */
export function fromEpochDay(epochDay: number): PlainDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Julian day number (the day starting at noon UT of that civil date, as an integer). */
export const JDN_OF_EPOCH = 2440588;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidPlainDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIso(date: PlainDate): IsoDate {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** `dd/mm/yyyy`, the form Vietnamese readers expect. */
export function formatVn(date: PlainDate | IsoDate): string {
  const d = typeof date === 'string' ? parseIsoDate(date) : date;
  return `${pad(d.day, 2)}/${pad(d.month, 2)}/${pad(d.year, 4)}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function checked(year: number, month: number, day: number, text: string): PlainDate {
  if (!isValidPlainDate(year, month, day)) {
    throw new CalendarError('invalid_date', `Ngày không hợp lệ: "${text}" (không có ngày này trong lịch).`);
  }
  return { year, month, day };
}

/** Parses a strict ISO date `YYYY-MM-DD`. */
export function parseIsoDate(text: string): PlainDate {
  const m = ISO_RE.exec(text.trim());
  if (!m) {
    throw new CalendarError('invalid_date', `Ngày không hợp lệ: "${text}" (cần dạng YYYY-MM-DD).`);
  }
  return checked(Number(m[1]), Number(m[2]), Number(m[3]), text);
}

/** Parses a date typed by a person: ISO `YYYY-MM-DD` or Vietnamese `dd/mm/yyyy`. */
export function parseDateInput(text: string): PlainDate {
  const trimmed = text.trim();
  const vn = VN_RE.exec(trimmed);
  if (vn) return checked(Number(vn[3]), Number(vn[2]), Number(vn[1]), text);
  if (ISO_RE.test(trimmed)) return parseIsoDate(trimmed);
  throw new CalendarError(
    'invalid_date',
    `Ngày không hợp lệ: "${text}" (cần dạng YYYY-MM-DD hoặc dd/mm/yyyy).`,
  );
}

/** Normalises ISO or dd/mm/yyyy input to an ISO date string. */
export function normalizeDate(text: string): IsoDate {
  return formatIso(parseDateInput(text));
}

export function isoToEpochDay(date: IsoDate): number {
  return toEpochDay(parseIsoDate(date));
}

export function epochDayToIso(epochDay: number): IsoDate {
  return formatIso(fromEpochDay(epochDay));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return epochDayToIso(isoToEpochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return isoToEpochDay(to) - isoToEpochDay(from);
}

export function weekdayOfEpochDay(epochDay: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function weekdayOf(date: IsoDate): IsoWeekday {
  return weekdayOfEpochDay(isoToEpochDay(date));
}

const WEEKDAY_NAMES_VN: Record<IsoWeekday, string> = {
  1: 'Thứ Hai',
  2: 'Thứ Ba',
  3: 'Thứ Tư',
  4: 'Thứ Năm',
  5: 'Thứ Sáu',
  6: 'Thứ Bảy',
  7: 'Chủ nhật',
};

export function weekdayNameVn(date: IsoDate): string {
  return WEEKDAY_NAMES_VN[weekdayOf(date)];
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIso({ year, month, day: daysInMonth(year, month) });
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
