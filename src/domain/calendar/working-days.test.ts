import { describe, expect, it } from 'vitest';
import { SCHEDULE_2025_EXCERPT, SCHEDULE_2026_EXCERPT } from './fixtures/schedule-excerpts';
import {
  WorkCalendar,
  addWorkingDays,
  countWorkingDays,
  nextWorkingDay,
  workingDayOnOrAfter,
} from './working-days';

// Excerpts of the 2025 and 2026 files; other years use the statutory forecast.
const calendar = new WorkCalendar({ schedules: [SCHEDULE_2025_EXCERPT, SCHEDULE_2026_EXCERPT] });

describe('local overrides', () => {
  const overrides = [
    { date: '2026-03-10', kind: 'day_off' as const, reason: 'Ngày lễ của tỉnh', scope: { province: '01' } },
    { date: '2026-03-11', kind: 'day_off' as const, reason: 'Nghỉ của xã A', scope: { unit: 'xa-a' } },
    { date: '2026-03-10', kind: 'workday' as const, reason: 'Xã A vẫn làm việc', scope: { unit: 'xa-a' } },
    { date: '2026-02-20', kind: 'workday' as const, reason: 'Đính chính toàn quốc', scope: {} },
  ];

  it('apply only within their scope, the most specific winning', () => {
    const national = new WorkCalendar({ schedules: [SCHEDULE_2026_EXCERPT], overrides });
    const province = new WorkCalendar({ schedules: [SCHEDULE_2026_EXCERPT], overrides, scope: { province: '01' } });
    const unit = new WorkCalendar({
      schedules: [SCHEDULE_2026_EXCERPT],
      overrides,
      scope: { province: '01', unit: 'xa-a' },
    });
    const otherProvince = new WorkCalendar({ schedules: [SCHEDULE_2026_EXCERPT], overrides, scope: { province: '79' } });
    expect(national.isWorkingDay('2026-03-10')).toBe(true);
    expect(province.isWorkingDay('2026-03-10')).toBe(false);
    expect(otherProvince.isWorkingDay('2026-03-10')).toBe(true);
    expect(unit.isWorkingDay('2026-03-10')).toBe(true);
    expect(unit.isWorkingDay('2026-03-11')).toBe(false);
    expect(province.isWorkingDay('2026-03-11')).toBe(true);
    // A national correction reaches everyone.
    expect(national.isWorkingDay('2026-02-20')).toBe(true);
    expect(unit.dayStatus('2026-02-20').entry).toMatchObject({ source: 'override', kind: 'workday' });
    expect(countWorkingDays(province, '2026-03-01', '2026-03-31')).toBe(21); // 22 weekdays − 10/03
  });
});

describe('day status', () => {
  it('describes a make-up Saturday and a swapped weekday', () => {
    expect(calendar.dayStatus('2025-04-26')).toMatchObject({
      working: true,
      weekend: true,
      weekday: 6,
      confirmed: true,
      entry: { kind: 'makeup_workday', reason: 'Làm bù cho ngày 02/05/2025', swapWith: '2025-05-02', source: 'schedule' },
    });
    expect(calendar.dayStatus('2025-05-02')).toMatchObject({ working: false, weekend: false });
    expect(calendar.dayStatus('2025-05-05')).toEqual({
      date: '2025-05-05',
      weekday: 1,
      weekend: false,
      working: true,
      confirmed: true,
    });
  });

  it('falls back to the statutory forecast for a year without a schedule, and says so', () => {
    expect(calendar.dayStatus('2030-01-01')).toMatchObject({ working: false, confirmed: false, entry: { source: 'statutory' } });
    expect(calendar.scheduleFor(2030).origin).toBe('statutory');
  });

  it('lists the special days of a year: weekdays off and weekend working days', () => {
    expect(calendar.specialDays(2025).map((d) => `${d.date} ${d.working ? 'làm' : 'nghỉ'}`)).toEqual([
      '2025-04-26 làm',
      '2025-04-30 nghỉ',
      '2025-05-01 nghỉ',
      '2025-05-02 nghỉ',
    ]);
  });

  it('refuses two schedules for the same year', () => {
    expect(() => new WorkCalendar({ schedules: [SCHEDULE_2025_EXCERPT, SCHEDULE_2025_EXCERPT] })).toThrow(
      /Năm 2025 có hai lịch làm việc/,
    );
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
