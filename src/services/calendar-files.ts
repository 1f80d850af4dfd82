import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseCalendarFile } from '../domain/calendar/calendar-file';
import type { DayOverride, OverrideScope, YearSchedule } from '../domain/calendar/schedule';
import { WorkCalendar } from '../domain/calendar/working-days';

/** The repository's `calendars/` directory (one `<year>.yaml` per year). */
export const CALENDARS_DIR = fileURLToPath(new URL('../../calendars/', import.meta.url));

const FILE_RE = /^(\d{4})\.ya?ml$/;

/**
 * Reads and validates every `<year>.yaml` in `dir`. Throws a CalendarError naming the file and
 * entry if one is invalid; other files in the directory are ignored.
 */
export async function loadYearSchedules(dir: string = CALENDARS_DIR): Promise<YearSchedule[]> {
  const names = (await readdir(dir)).filter((n) => FILE_RE.test(n)).sort();
  const schedules: YearSchedule[] = [];
  for (const name of names) {
    const year = Number(FILE_RE.exec(name)?.[1]);
    const text = await readFile(join(dir, name), 'utf8');
    schedules.push(parseCalendarFile(text, `calendars/${name}`, year));
  }
  return schedules;
}

export interface LoadWorkCalendarOptions {
  readonly dir?: string;
  readonly overrides?: readonly DayOverride[];
  readonly scope?: OverrideScope;
}

/** A WorkCalendar over the calendar files, with optional local overrides for a scope. */
export async function loadWorkCalendar(options: LoadWorkCalendarOptions = {}): Promise<WorkCalendar> {
  const schedules = await loadYearSchedules(options.dir);
  return new WorkCalendar({
    schedules,
    ...(options.overrides ? { overrides: options.overrides } : {}),
    ...(options.scope ? { scope: options.scope } : {}),
  });
}
