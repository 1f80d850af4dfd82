import { CalendarError } from './errors';
import {
  JDN_OF_EPOCH,
  formatIso,
  fromEpochDay,
  parseIsoDate,
  toEpochDay,
  type IsoDate,
  type PlainDate,
} from './plain-date';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7 (meridian 105° E) with the
 * astronomical method published by Hồ Ngọc Đức ("Thuật toán tính âm lịch",
 * https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html):
 *
 *  1. a lunar month starts on the local day that contains the new moon (điểm Sóc);
 *  2. a common year has 12 months, a leap year 13;
 *  3. the winter solstice (Đông chí) always falls in month 11;
 *  4. in a year of 13 months (from one month 11 to the next), the first month after the
 *     solstice that contains no principal term (trung khí) is the leap month and repeats the
 *     number of the month before it;
 *  5. everything is computed for local time UTC+7.
 *
 * New moons and the sun's longitude follow the formulas of Jean Meeus, "Astronomical
 * Algorithms" (1998), as simplified in that description. Valid for 1900–2100 (tested against
 * an independent table of Tết dates, see `fixtures/tet-dates.ts`).
 *
 * Internally every day is a Julian day number (JDN); no host clock or timezone is used.
 */

export interface LunarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
  readonly leap: boolean;
}

export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2100;

const TIME_ZONE_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** JD of the new moon of 1900-01-01 (k = 0 in the series below). */
const NEW_MOON_EPOCH = 2415021.076998695;
const DEG = Math.PI / 180;

/** Julian date (TT corrected to UT) of the k-th new moon after 1900-01-01. */
function newMoonJulianDate(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * M * DEG);
  c += -0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(2 * Mpr * DEG);
  c += -0.0004 * Math.sin(3 * Mpr * DEG);
  c += 0.0104 * Math.sin(2 * F * DEG) - 0.0051 * Math.sin((M + Mpr) * DEG);
  c += -0.0074 * Math.sin((M - Mpr) * DEG) + 0.0004 * Math.sin((2 * F + M) * DEG);
  c += -0.0004 * Math.sin((2 * F - M) * DEG) - 0.0006 * Math.sin((2 * F + Mpr) * DEG);
  c += 0.001 * Math.sin((2 * F - Mpr) * DEG) + 0.0005 * Math.sin((2 * Mpr + M) * DEG);
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** JDN of the local (UTC+7) day containing the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDate(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** Apparent longitude of the sun, in radians within [0, 2π), at Julian date `jd`. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M * DEG);
  DL += (0.019993 - 0.000101 * T) * Math.sin(2 * M * DEG) + 0.00029 * Math.sin(3 * M * DEG);
  const omega = 125.04 - 1934.136 * T;
  const apparent = (L0 + DL - 0.00569 - 0.00478 * Math.sin(omega * DEG)) * DEG; // nutation, aberration
  const full = 2 * Math.PI;
  return apparent - full * Math.floor(apparent / full);
}

/**
 * Which of the 12 principal-term sectors (0 = from the March equinox …) the sun is in at the
 * local midnight that starts day `jdn`.
 */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** JDN of the first day of lunar month 11 (the month containing the winter solstice) of `year`. */
function month11Start(year: number): number {
  const dec31 = toEpochDay({ year, month: 12, day: 31 }) + JDN_OF_EPOCH;
  const k = Math.floor((dec31 - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k);
  // A month starting when the sun is already past 270° cannot contain the solstice.
  return sunSector(start) >= 9 ? newMoonDay(k - 1) : start;
}

interface LunarMonthSpan {
  /** JDN of the first day. */
  readonly start: number;
  /** Number of days, 29 or 30. */
  readonly length: number;
  readonly month: number;
  readonly leap: boolean;
  readonly year: number;
}

/**
 * The lunar months from month 11 of lunar year `year` (starting around December of solar year
 * `year`) to just before month 11 of `year + 1`: 12 months, or 13 with a leap month.
 */
function monthsFromMonth11(year: number): readonly LunarMonthSpan[] {
  const cached = segmentCache.get(year);
  if (cached) return cached;
  const a11 = month11Start(year);
  const b11 = month11Start(year + 1);
  const k0 = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const count = b11 - a11 > 365 ? 13 : 12;
  let leapIndex = -1;
  if (count === 13) {
    // The first month (after month 11) whose start and end lie in the same sector has no
    // principal term: it is the leap month.
    let previous = sunSector(newMoonDay(k0 + 1));
    for (let i = 1; i < 14; i++) {
      const next = sunSector(newMoonDay(k0 + i + 1));
      if (next === previous) {
        leapIndex = i;
        break;
      }
      previous = next;
    }
  }
  const spans: LunarMonthSpan[] = [];
  for (let i = 0; i < count; i++) {
    const start = newMoonDay(k0 + i);
    const end = i + 1 < count ? newMoonDay(k0 + i + 1) : b11;
    const ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i; // 0 = month 11
    const month = ((ordinal + 10) % 12) + 1;
    spans.push({
      start,
      length: end - start,
      month,
      leap: i === leapIndex,
      year: month >= 11 ? year : year + 1,
    });
  }
  segmentCache.set(year, spans);
  return spans;
}

const segmentCache = new Map<number, readonly LunarMonthSpan[]>();

function checkSolarRange(date: PlainDate, text: string): void {
  if (date.year < LUNAR_MIN_YEAR || date.year > LUNAR_MAX_YEAR) {
    throw new CalendarError(
      'out_of_range',
      `Ngày ${text} nằm ngoài khoảng tính âm lịch (${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}).`,
    );
  }
}

/** Lunar date of a solar (Gregorian) date, for Vietnam (UTC+7). */
export function solarToLunar(date: PlainDate | IsoDate): LunarDate {
  const solar = typeof date === 'string' ? parseIsoDate(date) : date;
  checkSolarRange(solar, formatIso(solar));
  const jdn = toEpochDay(solar) + JDN_OF_EPOCH;
  const year = jdn >= month11Start(solar.year) ? solar.year : solar.year - 1;
  const spans = monthsFromMonth11(year);
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i];
    if (span && jdn >= span.start) {
      return { day: jdn - span.start + 1, month: span.month, year: span.year, leap: span.leap };
    }
  }
  /* c8 ignore next */
  throw new Error(`internal: no lunar month for JDN ${jdn}`);
}

function describeLunar(day: number, month: number, year: number, leap: boolean): string {
  return `${day}/${month}${leap ? ' nhuận' : ''}/${year}`;
}

function findSpan(month: number, year: number, leap: boolean): LunarMonthSpan | undefined {
  const segmentYear = month >= 11 ? year : year - 1;
  return monthsFromMonth11(segmentYear).find(
    (s) => s.month === month && s.leap === leap && s.year === year,
  );
}

/** Solar (Gregorian) date of a lunar date; throws a CalendarError if that lunar date does not exist. */
export function lunarToSolar(lunar: {
  day: number;
  month: number;
  year: number;
  leap?: boolean;
}): PlainDate {
  const leap = lunar.leap ?? false;
  const text = describeLunar(lunar.day, lunar.month, lunar.year, leap);
  if (
    !Number.isInteger(lunar.day) ||
    !Number.isInteger(lunar.month) ||
    !Number.isInteger(lunar.year) ||
    lunar.month < 1 ||
    lunar.month > 12 ||
    lunar.day < 1 ||
    lunar.day > 30
  ) {
    throw new CalendarError('invalid_lunar_date', `Ngày âm lịch không hợp lệ: ${text}.`);
  }
  const outOfRange = new CalendarError(
    'out_of_range',
    `Ngày âm lịch ${text} nằm ngoài khoảng tính (dương lịch ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}).`,
  );
  if (lunar.year < LUNAR_MIN_YEAR - 1 || lunar.year > LUNAR_MAX_YEAR) throw outOfRange;
  const span = findSpan(lunar.month, lunar.year, leap);
  if (!span) {
    throw new CalendarError(
      'invalid_lunar_date',
      `Năm âm lịch ${lunar.year} không có tháng ${lunar.month} nhuận.`,
    );
  }
  if (lunar.day > span.length) {
    throw new CalendarError(
      'invalid_lunar_date',
      `Ngày âm lịch không hợp lệ: ${text} (tháng ${lunar.month}${leap ? ' nhuận' : ''} năm ${lunar.year} chỉ có ${span.length} ngày).`,
    );
  }
  const solar = fromEpochDay(span.start + lunar.day - 1 - JDN_OF_EPOCH);
  if (solar.year < LUNAR_MIN_YEAR || solar.year > LUNAR_MAX_YEAR) throw outOfRange;
  return solar;
}

export function lunarToSolarIso(lunar: { day: number; month: number; year: number; leap?: boolean }): IsoDate {
  return formatIso(lunarToSolar(lunar));
}

/** The leap month of lunar year `year` (1–12), or 0 if the year has none. */
export function leapMonthOf(year: number): number {
  const months = [...monthsFromMonth11(year - 1), ...monthsFromMonth11(year)];
  return months.find((s) => s.leap && s.year === year)?.month ?? 0;
}

/** Length (29 or 30) of a lunar month. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const span = findSpan(month, year, leap);
  if (!span) {
    throw new CalendarError('invalid_lunar_date', `Năm âm lịch ${year} không có tháng ${month} nhuận.`);
  }
  return span.length;
}

/** Solar date of Tết Nguyên đán (lunar 1/1) of lunar year `year`. */
export function tetDate(year: number): IsoDate {
  return lunarToSolarIso({ day: 1, month: 1, year });
}

/** The last day of lunar year `year` (giao thừa day: 29 or 30 of month 12). */
export function lunarNewYearsEve(year: number): IsoDate {
  return formatIso(fromEpochDay(toEpochDay(parseIsoDate(tetDate(year + 1))) - 1));
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

/** Can Chi name of a lunar year, e.g. 2026 → "Bính Ngọ". */
export function canChiOfYear(year: number): string {
  return `${CAN[(((year + 6) % 10) + 10) % 10]} ${CHI[(((year + 8) % 12) + 12) % 12]}`;
}
