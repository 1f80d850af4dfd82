import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CalendarError } from '../domain/calendar/errors';
import { lastDayOfMonth } from '../domain/calendar/plain-date';
import { statutorySchedule } from '../domain/calendar/statutory';
import { countWorkingDays, type WorkCalendar } from '../domain/calendar/working-days';
import { CALENDARS_DIR, loadWorkCalendar, loadYearSchedules } from './calendar-files';

let calendar: WorkCalendar;
beforeAll(async () => {
  calendar = await loadWorkCalendar();
});


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

function monthlyCounts(year: number): number[] {
  return Array.from({ length: 12 }, (_, i) =>
    countWorkingDays(calendar, `${year}-${String(i + 1).padStart(2, '0')}-01`, lastDayOfMonth(year, i + 1)),
  );
}

/*
 * Expected working days per month, counted by hand: the Monday–Friday days of the month, minus
 * the weekdays off announced, plus the make-up Saturdays.
 *
 * 2024 (Thông báo 5015/TB-LĐTBXH; Công văn 2450/VPCP-KGVX, Thông báo 1570/TB-BLĐTBXH):
 *   Jan 23−1 (1/1) = 22; Feb 21−5 (8, 9, 12, 13, 14/2) = 16; Mar 21; Apr 22−3 (18, 29, 30/4) = 19;
 *   May 23−1 (1/5)+1 (Sat 4/5) = 23; Jun 20; Jul 23; Aug 22; Sep 21−2 (2, 3/9) = 19; Oct 23; Nov 21;
 *   Dec 22. Year: 262 weekdays − 12 + 1 = 251.
 * 2025 (Thông báo 6150/TB-BLĐTBXH):
 *   Jan 23−6 (1/1, 27–31/1) = 17; Feb 20; Mar 21; Apr 22−2 (7, 30/4)+1 (Sat 26/4) = 21;
 *   May 22−2 (1, 2/5) = 20; Jun 21; Jul 23; Aug 21; Sep 22−2 (1, 2/9) = 20; Oct 23; Nov 20; Dec 23.
 *   Year: 261 − 12 + 1 = 250.
 * 2026 (Công văn 12729/VPCP-KGVX, Thông báo 9441/TB-BNV, Nghị quyết 28/2026/QH16):
 *   Jan 22−2 (1, 2/1)+1 (Sat 10/1) = 21; Feb 20−5 (16–20/2) = 15; Mar 22; Apr 22−2 (27, 30/4) = 20;
 *   May 21−1 (1/5) = 20; Jun 22; Jul 23; Aug 21−1 (31/8)+1 (Sat 22/8) = 21; Sep 22−2 (1, 2/9) = 20;
 *   Oct 22; Nov 21−1 (24/11) = 20; Dec 23. Year: 261 − 14 + 2 = 249.
 */
describe('working days per month, against the announcements', () => {
  it('2024', () => {
    expect(monthlyCounts(2024)).toEqual([22, 16, 21, 19, 23, 20, 23, 22, 19, 23, 21, 22]);
    expect(countWorkingDays(calendar, '2024-01-01', '2024-12-31')).toBe(251);
  });
  it('2025', () => {
    expect(monthlyCounts(2025)).toEqual([17, 20, 21, 21, 20, 21, 23, 21, 20, 23, 20, 23]);
    expect(countWorkingDays(calendar, '2025-01-01', '2025-12-31')).toBe(250);
  });
  it('2026', () => {
    expect(monthlyCounts(2026)).toEqual([21, 15, 22, 20, 20, 22, 23, 21, 20, 22, 20, 23]);
    expect(countWorkingDays(calendar, '2026-01-01', '2026-12-31')).toBe(249);
  });
});

describe('the days of an announcement', () => {
  it('2023 had no make-up Saturday and 7 days of Tết from 20/01 to 26/01', () => {
    const days = calendar.specialDays(2023);
    expect(days.filter((d) => d.working)).toEqual([]);
    for (const date of ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']) {
      expect(calendar.isWorkingDay(date)).toBe(false);
    }
    expect(calendar.isWorkingDay('2023-01-19')).toBe(true);
    expect(calendar.isWorkingDay('2023-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2023-01-14')).toBe(false); // an ordinary Saturday
  });

  it('2025 swapped Friday 02/05 with Saturday 26/04', () => {
    expect(calendar.dayStatus('2025-04-26')).toMatchObject({
      working: true,
      weekend: true,
      entry: { kind: 'makeup_workday', reason: 'Làm bù cho ngày 02/05/2025', swapWith: '2025-05-02' },
    });
    expect(calendar.dayStatus('2025-05-02').entry?.legalRef).toContain('6150/TB-BLĐTBXH');
  });

  it('lists the weekdays off and weekend working days of 2026', () => {
    const days = calendar.specialDays(2026).map((d) => `${d.date}${d.working ? ' làm bù' : ''}`);
    expect(days).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-10 làm bù',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01',
      '2026-08-22 làm bù', '2026-08-31', '2026-09-01', '2026-09-02',
      '2026-11-24',
    ]);
  });

  it('uses the statutory forecast for a year without a file, and says so', () => {
    const status = calendar.dayStatus('2030-01-01');
    expect(status).toMatchObject({ working: false, confirmed: false, entry: { source: 'statutory' } });
    expect(calendar.dayStatus('2026-01-01').confirmed).toBe(true);
    expect(calendar.dayStatus('2027-02-10').confirmed).toBe(false);
  });
});
