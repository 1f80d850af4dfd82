import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  epochDayToIso,
  formatVn,
  fromEpochDay,
  isoToEpochDay,
  normalizeDate,
  parseDateInput,
  parseIsoDate,
  toEpochDay,
  weekdayNameVn,
  weekdayOf,
} from './plain-date';

describe('plain dates', () => {
  it('counts days from 1970-01-01', () => {
    expect(isoToEpochDay('1970-01-01')).toBe(0);
    expect(isoToEpochDay('2000-03-01')).toBe(11017);
    expect(isoToEpochDay('1900-01-01')).toBe(-25567);
    expect(epochDayToIso(19783)).toBe('2024-03-01');
  });

  it('round-trips every day from 1899 to 2101', () => {
    let expected = { year: 1899, month: 1, day: 1 };
    for (let d = toEpochDay(expected); d <= toEpochDay({ year: 2101, month: 12, day: 31 }); d++) {
      const date = fromEpochDay(d);
      expect(toEpochDay(date)).toBe(d);
      expected = date;
    }
    expect(expected).toEqual({ year: 2101, month: 12, day: 31 });
  });

  it('knows weekdays', () => {
    expect(weekdayOf('2026-02-17')).toBe(2); // Tuesday
    expect(weekdayOf('2025-01-29')).toBe(3);
    expect(weekdayOf('2024-02-10')).toBe(6);
    expect(weekdayOf('1969-12-28')).toBe(7);
    expect(weekdayNameVn('2026-02-22')).toBe('Chủ nhật');
  });

  it('adds and subtracts days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('reads ISO and dd/mm/yyyy, writes dd/mm/yyyy', () => {
    expect(normalizeDate('17/02/2026')).toBe('2026-02-17');
    expect(normalizeDate('1/5/2025')).toBe('2025-05-01');
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(formatVn('2026-02-17')).toBe('17/02/2026');
  });

  it('rejects impossible dates in Vietnamese', () => {
    expect(() => parseDateInput('2026-02-30')).toThrow('Ngày không hợp lệ: "2026-02-30" (không có ngày này trong lịch).');
    expect(() => parseDateInput('319/01/2023')).toThrow(/cần dạng YYYY-MM-DD hoặc dd\/mm\/yyyy/);
    expect(() => parseDateInput('2023-02-29')).toThrow(/không có ngày này/);
    expect(() => parseIsoDate('17/02/2026')).toThrow(/cần dạng YYYY-MM-DD/);
  });
});
