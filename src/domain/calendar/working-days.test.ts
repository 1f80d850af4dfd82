import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalendarFile } from './calendar-file';
import { lastDayOfMonth } from './plain-date';
import type { YearSchedule } from './schedule';
import {
  WorkCalendar,
  addWorkingDays,
  countWorkingDays,
  nextWorkingDay,
  workingDayOnOrAfter,
} from './working-days';

function schedule(year: number): YearSchedule {
  const text = readFileSync(new URL(`../../../calendars/${year}.yaml`, import.meta.url), 'utf8');
  return parseCalendarFile(text, `calendars/${year}.yaml`, year);
}

const calendar = new WorkCalendar({
  schedules: [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027].map(schedule),
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

describe('local overrides', () => {
  const overrides = [
    { date: '2026-03-10', kind: 'day_off' as const, reason: 'Ngày lễ của tỉnh', scope: { province: '01' } },
    { date: '2026-03-11', kind: 'day_off' as const, reason: 'Nghỉ của xã A', scope: { unit: 'xa-a' } },
    { date: '2026-03-10', kind: 'workday' as const, reason: 'Xã A vẫn làm việc', scope: { unit: 'xa-a' } },
    { date: '2026-02-20', kind: 'workday' as const, reason: 'Đính chính toàn quốc', scope: {} },
  ];

  it('apply only within their scope, the most specific winning', () => {
    const national = new WorkCalendar({ schedules: [schedule(2026)], overrides });
    const province = new WorkCalendar({ schedules: [schedule(2026)], overrides, scope: { province: '01' } });
    const unit = new WorkCalendar({
      schedules: [schedule(2026)],
      overrides,
      scope: { province: '01', unit: 'xa-a' },
    });
    const otherProvince = new WorkCalendar({ schedules: [schedule(2026)], overrides, scope: { province: '79' } });
    expect(national.isWorkingDay('2026-03-10')).toBe(true);
    expect(province.isWorkingDay('2026-03-10')).toBe(false);
    expect(otherProvince.isWorkingDay('2026-03-10')).toBe(true);
    expect(unit.isWorkingDay('2026-03-10')).toBe(true);
    expect(unit.isWorkingDay('2026-03-11')).toBe(false);
    expect(province.isWorkingDay('2026-03-11')).toBe(true);
    // A national correction reaches everyone.
    expect(national.isWorkingDay('2026-02-20')).toBe(true);
    expect(unit.dayStatus('2026-02-20').entry).toMatchObject({ source: 'override', kind: 'workday' });
    expect(countWorkingDays(province, '2026-03-01', '2026-03-31')).toBe(21);
  });
});

describe('working-day arithmetic', () => {
  it('adds working days, not counting the starting day', () => {
    // Friday 13/02/2026, then Tết 14–22/02.
    expect(addWorkingDays(calendar, '2026-02-13', 3)).toBe('2026-02-25');
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-23');
    expect(addWorkingDays(calendar, '2026-02-23', -1)).toBe('2026-02-13');
    expect(addWorkingDays(calendar, '2026-02-13', 0)).toBe('2026-02-13');
    // Over the 2025 swap: Tue 29/04 + 1 = Sat? No: Wed 30/04–Sun 04/05 off, so Mon 05/05.
    expect(addWorkingDays(calendar, '2025-04-29', 1)).toBe('2025-05-05');
    // Friday 25/04/2025 + 1 = the make-up Saturday 26/04.
    expect(addWorkingDays(calendar, '2025-04-25', 1)).toBe('2025-04-26');
  });

  it('counts inclusive ranges and refuses reversed ones', () => {
    expect(countWorkingDays(calendar, '2026-02-13', '2026-02-13')).toBe(1);
    expect(countWorkingDays(calendar, '2026-02-14', '2026-02-22')).toBe(0);
    expect(countWorkingDays(calendar, '2026-02-01', '2026-02-28')).toBe(15);
    expect(() => countWorkingDays(calendar, '2026-02-28', '2026-02-01')).toThrow(/đứng trước ngày bắt đầu/);
  });

  it('finds the next working day', () => {
    expect(nextWorkingDay(calendar, '2026-02-13')).toBe('2026-02-23');
    expect(workingDayOnOrAfter(calendar, '2026-02-14')).toBe('2026-02-23');
    expect(workingDayOnOrAfter(calendar, '2026-02-23')).toBe('2026-02-23');
  });

  it('refuses a fractional number of days', () => {
    expect(() => addWorkingDays(calendar, '2026-02-13', 1.5)).toThrow(/số nguyên/);
  });
});
