import { describe, expect, it } from 'vitest';
import { weekdayOf } from './plain-date';
import { statutorySchedule } from './statutory';

function dates(year: number): string[] {
  return statutorySchedule(year).days.map((d) => `${d.date} ${d.kind}`);
}

describe('statutorySchedule (forecast from the Labour Code)', () => {
  it('2027: Tết on a Saturday is made up after the Tết days', () => {
    expect(dates(2027)).toEqual([
      '2027-01-01 holiday',
      '2027-02-05 holiday', // 29 tháng Chạp, last day of Bính Ngọ
      '2027-02-08 holiday', // mùng 3
      '2027-02-09 holiday', // mùng 4
      '2027-02-10 day_off', // for Saturday 06/02 (mùng 1)
      '2027-02-11 day_off', // for Sunday 07/02 (mùng 2)
      '2027-04-16 holiday', // Giỗ Tổ, 10/3 Đinh Mùi
      '2027-04-30 holiday',
      '2027-05-03 day_off', // 1/5 on a Saturday
      '2027-09-02 holiday',
      '2027-09-03 holiday', // Thursday 2/9, so Friday 3/9
      '2027-11-24 holiday',
    ]);
    const schedule = statutorySchedule(2027);
    expect(schedule.confirmed).toBe(false);
    expect(schedule.origin).toBe('statutory');
    expect(schedule.days[4]?.reason).toBe('Nghỉ bù Tết Nguyên đán (06/02/2027 trùng Thứ Bảy)');
    expect(schedule.days[4]?.legalRef).toBe('Bộ luật Lao động 2019 (45/2019/QH14), Điều 111 khoản 3');
  });

  it('gives 5 weekdays of Tết every year, and never puts a day off on a weekend', () => {
    for (let year = 2021; year <= 2100; year++) {
      const days = statutorySchedule(year).days;
      const tet = days.filter((d) => d.reason.startsWith('Tết Nguyên đán') || d.reason.startsWith('Nghỉ bù Tết Nguyên đán'));
      expect(tet, String(year)).toHaveLength(5);
      for (const d of days) expect(weekdayOf(d.date), d.date).toBeLessThan(6);
    }
  });

  it('chooses the second National Day as the announcements 2021–2026 did', () => {
    const second = (year: number) =>
      statutorySchedule(year).days.find((d) => d.reason.startsWith('Quốc khánh (ngày liền kề'))?.date;
    expect(second(2021)).toBe('2021-09-03');
    expect(second(2022)).toBe('2022-09-01');
    expect(second(2023)).toBe('2023-09-01');
    expect(second(2024)).toBe('2024-09-03');
    expect(second(2025)).toBe('2025-09-01');
    expect(second(2026)).toBe('2026-09-01');
  });

  it('applies the 2012 Labour Code before 2021 (one day of Quốc khánh)', () => {
    const y2020 = statutorySchedule(2020).days;
    expect(y2020.filter((d) => d.date.startsWith('2020-09'))).toHaveLength(1);
    expect(y2020[0]?.legalRef).toContain('Điều 115');
  });

  it('makes up a Sunday National Day on the Tuesday (the Monday being the second day)', () => {
    // 2/9/2029 is a Sunday: 3/9 Monday is the adjacent day, 4/9 Tuesday the make-up day.
    const sep = statutorySchedule(2029).days.filter((d) => d.date.startsWith('2029-09'));
    expect(sep.map((d) => `${d.date} ${d.kind}`)).toEqual(['2029-09-03 holiday', '2029-09-04 day_off']);
  });
});
