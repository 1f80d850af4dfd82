import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CalendarError } from '../domain/calendar/errors';
import { statutorySchedule } from '../domain/calendar/statutory';
import { CALENDARS_DIR, loadWorkCalendar, loadYearSchedules } from './calendar-files';

describe('calendar files in the repository', () => {
  it('has a valid file for every year from 2020 to 2027', async () => {
    const schedules = await loadYearSchedules();
    expect(schedules.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const s of schedules) {
      expect(s.origin).toBe('file');
      expect(s.confirmed).toBe(s.year <= 2026);
      expect(s.sources.length).toBeGreaterThan(0);
    }
    expect(CALENDARS_DIR.endsWith('/calendars/')).toBe(true);
  });

  it('keeps the 2027 forecast equal to what the statutory rules give', async () => {
    const schedules = await loadYearSchedules();
    const forecast = schedules.find((s) => s.year === 2027);
    expect(forecast?.days).toEqual(statutorySchedule(2027).days);
  });

  it('builds a work calendar from the files', async () => {
    const calendar = await loadWorkCalendar();
    expect(calendar.isWorkingDay('2025-04-26')).toBe(true); // make-up Saturday
    expect(calendar.isWorkingDay('2025-05-02')).toBe(false);
  });
});

describe('reading a calendar directory', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('names the file and entry of a bad calendar file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cchc-cal-'));
    await writeFile(
      join(dir, '2030.yaml'),
      'year: 2030\nconfirmed: true\ndays:\n  - date: 2030-02-30\n    kind: holiday\n    reason: x\n    legal_ref: y\n',
    );
    await writeFile(join(dir, 'README.md'), 'ignored');
    const error = await loadYearSchedules(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as Error).message).toBe(
      'Tệp lịch "calendars/2030.yaml" mục 1: ngày "2030-02-30" không có trong lịch.',
    );
  });

  it('refuses a file whose year does not match its name', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cchc-cal-'));
    await writeFile(join(dir, '2031.yaml'), 'year: 2030\nconfirmed: false\ndays: []\n');
    await expect(loadYearSchedules(dir)).rejects.toThrow(/không khớp với năm 2031/);
  });

  it('falls back to the statutory rules for a year without a file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cchc-cal-'));
    const calendar = await loadWorkCalendar({ dir });
    expect(calendar.scheduleFor(2025).origin).toBe('statutory');
    expect(calendar.dayStatus('2025-01-01')).toMatchObject({ working: false, confirmed: false });
  });
});
