import { CalendarError } from './errors';
import {
  epochDayToIso,
  isoToEpochDay,
  parseIsoDate,
  weekdayOfEpochDay,
  type IsoDate,
  type IsoWeekday,
} from './plain-date';
import {
  isDayOffKind,
  type DayKind,
  type DayOverride,
  type OverrideScope,
  type ScheduleDay,
  type YearSchedule,
} from './schedule';
import { statutorySchedule } from './statutory';

/**
 * The working-day calendar of one place: Monday–Friday, minus the year's holidays and days off,
 * plus its make-up Saturdays, with local overrides layered on top. Pure: the schedules (read
 * from the calendar files by a service) and the overrides are passed in.
 */

export interface WorkCalendarOptions {
  /** Yearly schedules from the calendar files; a year without one uses `statutorySchedule`. */
  readonly schedules?: readonly YearSchedule[];
  /** Local days and corrections; only those matching `scope` apply. */
  readonly overrides?: readonly DayOverride[];
  /** The province and unit whose calendar this is; omit for the national calendar. */
  readonly scope?: OverrideScope;
}

export type DaySource = 'schedule' | 'statutory' | 'override';

export interface DayEntry {
  readonly date: IsoDate;
  readonly kind: DayKind | 'workday';
  readonly reason: string;
  readonly legalRef: string;
  readonly swapWith?: IsoDate;
  readonly source: DaySource;
  /** For an override, which scope it came from. */
  readonly scope?: OverrideScope;
}

export interface DayStatus {
  readonly date: IsoDate;
  readonly weekday: IsoWeekday;
  readonly weekend: boolean;
  readonly working: boolean;
  /** Whether the year's schedule was announced (false: forecast from the law). */
  readonly confirmed: boolean;
  /** The schedule entry or override that decided the day, if any. */
  readonly entry?: DayEntry;
}

/** How specific an override's scope is: unit 3, province 2, national 1; 0 = does not apply. */
function scopeRank(override: OverrideScope, target: OverrideScope): number {
  if (override.unit !== undefined) return override.unit === target.unit ? 3 : 0;
  if (override.province !== undefined) return override.province === target.province ? 2 : 0;
  return 1;
}

export class WorkCalendar {
  private readonly schedules = new Map<number, YearSchedule>();
  private readonly overrides = new Map<IsoDate, DayEntry>();
  private readonly entries = new Map<number, Map<IsoDate, DayEntry>>();

  constructor(options: WorkCalendarOptions = {}) {
    for (const schedule of options.schedules ?? []) {
      if (this.schedules.has(schedule.year)) {
        throw new CalendarError('invalid_argument', `Năm ${schedule.year} có hai lịch làm việc.`);
      }
      this.schedules.set(schedule.year, schedule);
    }
    const scope = options.scope ?? {};
    const ranks = new Map<IsoDate, number>();
    for (const override of options.overrides ?? []) {
      parseIsoDate(override.date);
      const rank = scopeRank(override.scope, scope);
      if (rank === 0 || rank < (ranks.get(override.date) ?? 0)) continue;
      ranks.set(override.date, rank);
      this.overrides.set(override.date, {
        date: override.date,
        kind: override.kind,
        reason: override.reason,
        legalRef: override.legalRef ?? '',
        source: 'override',
        scope: override.scope,
      });
    }
  }

  /** The schedule of a year: its calendar file, or the statutory forecast. */
  scheduleFor(year: number): YearSchedule {
    let schedule = this.schedules.get(year);
    if (!schedule) {
      schedule = statutorySchedule(year);
      this.schedules.set(year, schedule);
    }
    return schedule;
  }

  private yearEntries(year: number): Map<IsoDate, DayEntry> {
    let map = this.entries.get(year);
    if (!map) {
      const schedule = this.scheduleFor(year);
      const source: DaySource = schedule.origin === 'file' ? 'schedule' : 'statutory';
      map = new Map(schedule.days.map((d: ScheduleDay) => [d.date, { ...d, source }]));
      this.entries.set(year, map);
    }
    return map;
  }

  /** The entry (override first, then schedule) deciding `date`, if any. */
  entryFor(date: IsoDate): DayEntry | undefined {
    return this.overrides.get(date) ?? this.yearEntries(Number(date.slice(0, 4))).get(date);
  }

  dayStatus(date: IsoDate): DayStatus {
    const epochDay = isoToEpochDay(date);
    return this.statusOfEpochDay(epochDay, epochDayToIso(epochDay));
  }

  private statusOfEpochDay(epochDay: number, date: IsoDate): DayStatus {
    const weekday = weekdayOfEpochDay(epochDay);
    const weekend = weekday >= 6;
    const entry = this.entryFor(date);
    const working = entry ? !isDayOffKind(entry.kind) : !weekend;
    const confirmed = this.scheduleFor(Number(date.slice(0, 4))).confirmed;
    return entry ? { date, weekday, weekend, working, confirmed, entry } : { date, weekday, weekend, working, confirmed };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingEpochDay(isoToEpochDay(date));
  }

  /** Same as `isWorkingDay` on a day number (days since 1970-01-01). */
  isWorkingEpochDay(epochDay: number): boolean {
    const date = epochDayToIso(epochDay);
    const entry = this.entryFor(date);
    return entry ? !isDayOffKind(entry.kind) : weekdayOfEpochDay(epochDay) < 6;
  }

  /**
   * The days of `year` that differ from the plain Monday–Friday pattern, after overrides:
   * weekdays off and weekend working days, sorted by date.
   */
  specialDays(year: number): DayStatus[] {
    const dates = new Set<IsoDate>(this.yearEntries(year).keys());
    for (const date of this.overrides.keys()) if (date.startsWith(`${year}-`)) dates.add(date);
    return [...dates]
      .sort()
      .map((date) => this.dayStatus(date))
      .filter((s) => s.working === s.weekend);
  }
}

function checkCount(value: number, what: string): void {
  if (!Number.isInteger(value)) {
    throw new CalendarError('invalid_argument', `${what} phải là số nguyên (nhận được ${value}).`);
  }
}

/** Safety net: no supported span needs more than 100 years of scanning. */
const MAX_SCAN_DAYS = 36600;

/**
 * Number of working days from `from` to `to`, both included. Throws if `to` is before `from`.
 */
export function countWorkingDays(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  const start = isoToEpochDay(from);
  const end = isoToEpochDay(to);
  if (end < start) {
    throw new CalendarError('invalid_argument', `Ngày kết thúc ${to} đứng trước ngày bắt đầu ${from}.`);
  }
  if (end - start > MAX_SCAN_DAYS) {
    throw new CalendarError('invalid_argument', 'Khoảng thời gian quá dài (tối đa 100 năm).');
  }
  let count = 0;
  for (let day = start; day <= end; day++) if (calendar.isWorkingEpochDay(day)) count++;
  return count;
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself is not counted
 * (Civil Code 2015 art. 147: the starting day of a period counted in days is excluded). n = 0
 * returns `date` unchanged.
 */
export function addWorkingDays(calendar: WorkCalendar, date: IsoDate, n: number): IsoDate {
  checkCount(n, 'Số ngày làm việc');
  let day = isoToEpochDay(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let scanned = 0;
  while (remaining > 0) {
    day += step;
    if (++scanned > MAX_SCAN_DAYS) {
      throw new CalendarError('invalid_argument', 'Số ngày làm việc quá lớn.');
    }
    if (calendar.isWorkingEpochDay(day)) remaining--;
  }
  return epochDayToIso(day);
}

/** `date` if it is a working day, else the next working day. */
export function workingDayOnOrAfter(calendar: WorkCalendar, date: IsoDate): IsoDate {
  let day = isoToEpochDay(date);
  for (let scanned = 0; !calendar.isWorkingEpochDay(day); scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new CalendarError('invalid_argument', 'Không tìm thấy ngày làm việc.');
    day++;
  }
  return epochDayToIso(day);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: WorkCalendar, date: IsoDate): IsoDate {
  return addWorkingDays(calendar, date, 1);
}
