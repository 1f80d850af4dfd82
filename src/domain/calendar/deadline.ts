import { CalendarError } from './errors';
import {
  compareDateTime,
  formatDateTime,
  parseClockTime,
  parseDateTime,
  type LocalDateTime,
} from './date-time';
import { addDays, isoToEpochDay, type IsoDate } from './plain-date';
import { addWorkingDays, countWorkingDays, workingDayOnOrAfter, type WorkCalendar } from './working-days';

/**
 * Due dates of dossiers (hồ sơ) under the one-stop mechanism, counted in working days. The rules
 * and their sources are in docs/calendar.md; in short:
 *
 * 1. Times are Vietnam time (UTC+7).
 * 2. A dossier received on a working day up to the office's closing time (default 17:00) counts
 *    as received that day; received later, or on a day off, it counts as received on the next
 *    working day (our convention).
 * 3. The receipt day itself is not counted; the result is due by the end of the N-th working
 *    day after it (Civil Code 2015 art. 147(3) and 148(1)).
 * 4. While the dossier waits for the citizen to supplement it, the clock stops: a pause from the
 *    request (`from`) to the receipt of the completed papers (`to`) adds back the working days
 *    after the request day up to and including the resumption day, i.e. the resumption is
 *    treated like a new receipt for the days still to run. A pause that starts after the due
 *    date computed so far does not move it.
 */

export interface PauseInterval {
  /** When the supplement request was issued. */
  readonly from: string;
  /** When the completed papers were received; absent while still waiting. */
  readonly to?: string;
}

export interface DossierDueInput {
  readonly receivedAt: string;
  /** Statutory processing time in working days (integer ≥ 0; 0 = the same day). */
  readonly workingDays: number;
  readonly pauses?: readonly PauseInterval[];
  /** Office closing time `HH:mm`, default 17:00. */
  readonly closingTime?: string;
}

export interface PauseResult {
  readonly from: string;
  readonly to: string | null;
  /** Working days added back to the deadline. */
  readonly pausedWorkingDays: number;
  /** False if the pause started after the due date and so did not move it. */
  readonly applied: boolean;
}

export interface DossierDue {
  /** Receipt time in Vietnam time, ISO with +07:00. */
  readonly receivedAt: string;
  /** The working day the dossier counts as received on (day 0, not counted). */
  readonly countFrom: IsoDate;
  readonly workingDays: number;
  /** `running`: due date known; `paused`: waiting for the citizen, no due date yet. */
  readonly status: 'running' | 'paused';
  readonly dueDate: IsoDate | null;
  /** Closing time of the due date, ISO with +07:00. */
  readonly dueAt: string | null;
  /** Working days already used when the last pause started (or all of them when running). */
  readonly consumedWorkingDays: number;
  readonly pausedWorkingDays: number;
  readonly pauses: readonly PauseResult[];
}

export const DEFAULT_CLOSING_TIME = '17:00';

/** The working day a moment counts as: that day if a working day before closing, else the next. */
export function effectiveDay(calendar: WorkCalendar, at: LocalDateTime, closingMinutes: number): IsoDate {
  if (calendar.isWorkingDay(at.date) && at.minutes <= closingMinutes) return at.date;
  return workingDayOnOrAfter(calendar, addDays(at.date, 1));
}

/** Working days in the half-open range (after, upTo]. */
function workingDaysAfter(calendar: WorkCalendar, after: IsoDate, upTo: IsoDate): number {
  if (isoToEpochDay(upTo) <= isoToEpochDay(after)) return 0;
  return countWorkingDays(calendar, addDays(after, 1), upTo);
}

export function dossierDueDate(calendar: WorkCalendar, input: DossierDueInput): DossierDue {
  const n = input.workingDays;
  if (!Number.isInteger(n) || n < 0 || n > 3650) {
    throw new CalendarError(
      'invalid_argument',
      `Thời hạn giải quyết phải là số ngày làm việc nguyên, không âm (nhận được ${n}).`,
    );
  }
  const closingTime = input.closingTime ?? DEFAULT_CLOSING_TIME;
  const closing = parseClockTime(closingTime);
  const received = parseDateTime(input.receivedAt);
  const countFrom = effectiveDay(calendar, received, closing);

  const pauses = [...(input.pauses ?? [])]
    .map((p) => ({ raw: p, from: parseDateTime(p.from), to: p.to === undefined ? null : parseDateTime(p.to) }))
    .sort((a, b) => compareDateTime(a.from, b.from));
  let previousEnd: LocalDateTime = received;
  pauses.forEach((p, index) => {
    if (compareDateTime(p.from, previousEnd) < 0) {
      throw new CalendarError(
        'invalid_argument',
        index === 0
          ? `Thời điểm yêu cầu bổ sung ${p.raw.from} đứng trước thời điểm tiếp nhận hồ sơ.`
          : `Các khoảng tạm dừng chồng lên nhau (${p.raw.from}).`,
      );
    }
    if (p.to === null && index < pauses.length - 1) {
      throw new CalendarError('invalid_argument', `Khoảng tạm dừng từ ${p.raw.from} chưa kết thúc nhưng còn khoảng sau nó.`);
    }
    if (p.to !== null && compareDateTime(p.to, p.from) < 0) {
      throw new CalendarError('invalid_argument', `Khoảng tạm dừng kết thúc (${p.raw.to}) trước khi bắt đầu (${p.raw.from}).`);
    }
    previousEnd = p.to ?? p.from;
  });

  let cursor = countFrom;
  let remaining = n;
  let pausedTotal = 0;
  const results: PauseResult[] = [];
  for (const pause of pauses) {
    const start = effectiveDay(calendar, pause.from, closing);
    const consumed = workingDaysAfter(calendar, cursor, start);
    const from = formatDateTime(pause.from);
    const to = pause.to === null ? null : formatDateTime(pause.to);
    if (consumed > remaining) {
      results.push({ from, to, pausedWorkingDays: 0, applied: false });
      continue;
    }
    remaining -= consumed;
    if (pause.to === null) {
      results.push({ from, to, pausedWorkingDays: 0, applied: true });
      return {
        receivedAt: formatDateTime(received),
        countFrom,
        workingDays: n,
        status: 'paused',
        dueDate: null,
        dueAt: null,
        consumedWorkingDays: n - remaining,
        pausedWorkingDays: pausedTotal,
        pauses: results,
      };
    }
    const end = effectiveDay(calendar, pause.to, closing);
    const paused = workingDaysAfter(calendar, start, end);
    pausedTotal += paused;
    results.push({ from, to, pausedWorkingDays: paused, applied: true });
    cursor = end;
  }
  const dueDate = addWorkingDays(calendar, cursor, remaining);
  return {
    receivedAt: formatDateTime(received),
    countFrom,
    workingDays: n,
    status: 'running',
    dueDate,
    dueAt: formatDateTime({ date: dueDate, minutes: closing }),
    consumedWorkingDays: n,
    pausedWorkingDays: pausedTotal,
    pauses: results,
  };
}

/** Outcome timing of a result against its due date (trước hạn / đúng hạn / quá hạn). */
export type Timeliness = 'truoc_han' | 'dung_han' | 'qua_han';

export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = {
  truoc_han: 'Trước hạn',
  dung_han: 'Đúng hạn',
  qua_han: 'Quá hạn',
};

/** Compares the (Vietnam-time) day a result was returned with the due date. */
export function classifyTimeliness(dueDate: IsoDate, returnedAt: string): Timeliness {
  const day = parseDateTime(returnedAt).date;
  if (day < dueDate) return 'truoc_han';
  return day === dueDate ? 'dung_han' : 'qua_han';
}

/** The same clock time on the n-th working day after the date of `at` (n ≥ 0). */
export function addWorkingDaysToDateTime(calendar: WorkCalendar, at: string, n: number): string {
  const start = parseDateTime(at);
  return formatDateTime({ date: addWorkingDays(calendar, start.date, n), minutes: start.minutes });
}
