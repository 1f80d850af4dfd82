import { CalendarError } from './errors';
import { epochDayToIso, isValidPlainDate, isoToEpochDay, toEpochDay, type IsoDate } from './plain-date';

/**
 * Date-times in Vietnam's time (Asia/Ho_Chi_Minh): a fixed UTC+7 offset, no daylight saving
 * since 1975. Held as a local date plus minutes after local midnight; never the host timezone.
 */
export interface LocalDateTime {
  readonly date: IsoDate;
  /** Minutes after 00:00 local time, 0–1439. */
  readonly minutes: number;
}

export const VN_OFFSET_MINUTES = 7 * 60;

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const VN_DATE_TIME_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;

function invalid(text: string): never {
  throw new CalendarError(
    'invalid_datetime',
    `Thời điểm không hợp lệ: "${text}" (cần dạng YYYY-MM-DDTHH:mm, có thể kèm múi giờ, hoặc dd/mm/yyyy HH:mm).`,
  );
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined) return VN_OFFSET_MINUTES;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/**
 * Parses a date-time. Without a zone it is Vietnam time; with `Z` or `±hh:mm` it is converted
 * to Vietnam time. A date alone means 00:00 of that day.
 */
export function parseDateTime(text: string): LocalDateTime {
  const trimmed = text.trim();
  let year: number, month: number, day: number, hour: number, minute: number;
  let zone: string | undefined;
  const iso = DATE_TIME_RE.exec(trimmed);
  const vn = iso ? null : VN_DATE_TIME_RE.exec(trimmed);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    [hour, minute] = [Number(iso[4] ?? 0), Number(iso[5] ?? 0)];
    if (iso[6] !== undefined && Number(iso[6]) > 59) invalid(text);
    zone = iso[7];
  } else if (vn) {
    [year, month, day] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
    [hour, minute] = [Number(vn[4] ?? 0), Number(vn[5] ?? 0)];
  } else {
    invalid(text);
  }
  if (!isValidPlainDate(year, month, day) || hour > 23 || minute > 59) invalid(text);
  const offset = offsetMinutes(zone);
  if (Math.abs(offset) > 14 * 60) invalid(text);
  const total = toEpochDay({ year, month, day }) * 1440 + hour * 60 + minute - offset + VN_OFFSET_MINUTES;
  const epochDay = Math.floor(total / 1440);
  return { date: epochDayToIso(epochDay), minutes: total - epochDay * 1440 };
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** `HH:mm` of a LocalDateTime. */
export function formatTime(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** ISO 8601 with the Vietnam offset: `2026-02-13T16:30:00+07:00`. */
export function formatDateTime(value: LocalDateTime): string {
  return `${value.date}T${formatTime(value.minutes)}:00+07:00`;
}

/** `16:30 13/02/2026`, the way Vietnamese forms print it. */
export function formatDateTimeVn(value: LocalDateTime): string {
  const [y, m, d] = value.date.split('-');
  return `${formatTime(value.minutes)} ${d}/${m}/${y}`;
}

/** Parses `HH:mm` into minutes after midnight. */
export function parseClockTime(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new CalendarError('invalid_argument', `Giờ không hợp lệ: "${text}" (cần dạng HH:mm).`);
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

export function compareDateTime(a: LocalDateTime, b: LocalDateTime): number {
  const days = isoToEpochDay(a.date) - isoToEpochDay(b.date);
  return days !== 0 ? days : a.minutes - b.minutes;
}

/** The calendar date in Vietnam (UTC+7, no daylight saving) of an instant: `YYYY-MM-DD`. */
export function dateInVietnam(instant: Date | string | number): string {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  return new Date(ms + VN_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** Today in Vietnam: `YYYY-MM-DD`. */
export const todayInVietnam = (now: Date = new Date()): string => dateInVietnam(now);

/** An instant as Vietnam's wall-clock date and time. */
export function localDateTimeOf(instant: Date | string | number): LocalDateTime {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'string' ? Date.parse(instant) : instant;
  const shifted = ms + VN_OFFSET_MINUTES * 60_000;
  return { date: new Date(shifted).toISOString().slice(0, 10), minutes: Math.floor((((shifted % 86_400_000) + 86_400_000) % 86_400_000) / 60_000) };
}
