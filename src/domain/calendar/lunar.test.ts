import { describe, expect, it } from 'vitest';
import {
  canChiOfYear,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYearsEve,
  lunarToSolar,
  lunarToSolarIso,
  solarToLunar,
  tetDate,
} from './lunar';
import { CalendarError } from './errors';
import { epochDayToIso, formatIso, isoToEpochDay } from './plain-date';
import {
  HISTORICAL_LEAP_MONTH_YEARS,
  HISTORICAL_TET_YEARS,
  HUNG_KINGS_DATES,
  LEAP_MONTHS_HND,
  TET_DATES,
  TET_DATES_HND_HISTORICAL,
} from './fixtures/tet-dates';

describe('Tết dates against the independent table, 1900–2100', () => {
  it('covers all 201 years', () => {
    expect(Object.keys(TET_DATES)).toHaveLength(201);
  });

  for (let year = 1900; year <= 2100; year++) {
    it(`Tết ${year}`, () => {
      const expected = TET_DATES[year];
      expect(tetDate(year)).toBe(expected);
      expect(solarToLunar(expected!)).toEqual({ day: 1, month: 1, year, leap: false });
    });
  }

  it('uses the Vietnamese calendar where it differs from the Chinese one', () => {
    expect(tetDate(1985)).toBe('1985-01-21');
    expect(tetDate(2007)).toBe('2007-02-17');
    expect(solarToLunar('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, leap: false });
    expect(solarToLunar('2007-02-18')).toEqual({ day: 2, month: 1, year: 2007, leap: false });
  });

  it('knows the recent and coming Tết', () => {
    expect(tetDate(2024)).toBe('2024-02-10');
    expect(tetDate(2025)).toBe('2025-01-29');
    expect(tetDate(2026)).toBe('2026-02-17');
    expect(tetDate(2027)).toBe('2027-02-06');
  });

  it("differs from Hồ Ngọc Đức's historical table only in the documented pre-1968 years", () => {
    for (const year of HISTORICAL_TET_YEARS) {
      expect(year).toBeLessThan(1968);
      expect(tetDate(year)).not.toBe(TET_DATES_HND_HISTORICAL[year]);
    }
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar) against the independent table, 1901–2100', () => {
  it('matches every year', () => {
    const wrong: string[] = [];
    for (let year = 1901; year <= 2100; year++) {
      const got = lunarToSolarIso({ day: 10, month: 3, year });
      if (got !== HUNG_KINGS_DATES[year]) wrong.push(`${year}: ${got} ≠ ${HUNG_KINGS_DATES[year]}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('leap months', () => {
  it('knows the leap months of recent years', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2024)).toBe(0);
    expect(leapMonthOf(2026)).toBe(0);
    expect(leapMonthOf(2028)).toBe(5);
  });

  it("matches Hồ Ngọc Đức's table for every year except the documented pre-1968 ones", () => {
    const differing: number[] = [];
    for (let year = 1900; year <= 2100; year++) {
      if (leapMonthOf(year) !== LEAP_MONTHS_HND[year]) differing.push(year);
    }
    expect(differing).toEqual(HISTORICAL_LEAP_MONTH_YEARS);
  });

  it('converts dates in a leap month both ways', () => {
    // Lunar 2023 has a leap month 2: 1/2 nhuận Quý Mão = 2023-03-22.
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2023-03-21')).toEqual({ day: 30, month: 2, year: 2023, leap: false });
    expect(lunarToSolarIso({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(lunarToSolarIso({ day: 1, month: 2, year: 2023 })).toBe('2023-02-20');
    // Lunar 2025 has a leap month 6: 1/6 nhuận Ất Tỵ = 2025-07-25.
    expect(lunarToSolarIso({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    // Lunar 2020 has a leap month 4: 1/4 nhuận Canh Tý = 2020-05-23.
    expect(lunarToSolarIso({ day: 1, month: 4, year: 2020, leap: true })).toBe('2020-05-23');
  });

  it('rejects a leap month that the year does not have', () => {
    expect(() => lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toThrow(
      /không có tháng 3 nhuận/,
    );
  });
});

describe('round trips solar → lunar → solar', () => {
  for (const year of [1900, 1968, 1985, 2007, 2020, 2023, 2024, 2025, 2026, 2033, 2057, 2100]) {
    it(`every day of ${year}`, () => {
      const start = isoToEpochDay(`${year}-01-01`);
      const end = isoToEpochDay(`${year}-12-31`);
      let previous = solarToLunar(epochDayToIso(start - (year > 1900 ? 1 : 0)));
      for (let day = start; day <= end; day++) {
        const iso = epochDayToIso(day);
        const lunar = solarToLunar(iso);
        expect(formatIso(lunarToSolar(lunar))).toBe(iso);
        // Consecutive days: the lunar day goes up by one or a new month starts.
        if (day > start || year > 1900) {
          if (lunar.day !== 1) {
            expect(lunar).toEqual({ ...previous, day: previous.day + 1 });
          } else {
            expect(previous.day === 29 || previous.day === 30).toBe(true);
          }
        }
        previous = lunar;
      }
    });
  }

  it('month lengths are 29 or 30 and add up to the year', () => {
    for (const year of [2023, 2024, 2025]) {
      const leap = leapMonthOf(year);
      let total = 0;
      for (let m = 1; m <= 12; m++) {
        const len = lunarMonthLength(year, m);
        expect([29, 30]).toContain(len);
        total += len;
        if (m === leap) total += lunarMonthLength(year, m, true);
      }
      expect(total).toBe(isoToEpochDay(tetDate(year + 1)) - isoToEpochDay(tetDate(year)));
    }
  });
});

describe('names and edges', () => {
  it('names years in the sexagenary cycle', () => {
    expect(canChiOfYear(2024)).toBe('Giáp Thìn');
    expect(canChiOfYear(2025)).toBe('Ất Tỵ');
    expect(canChiOfYear(2026)).toBe('Bính Ngọ');
    expect(canChiOfYear(1985)).toBe('Ất Sửu');
  });

  it('gives the eve of Tết', () => {
    expect(lunarNewYearsEve(2025)).toBe('2026-02-16');
    expect(solarToLunar('2026-02-16')).toEqual({ day: 29, month: 12, year: 2025, leap: false });
  });

  it('rejects days a lunar month does not have, with a Vietnamese message', () => {
    // Month 12 of Ất Tỵ (2025) has 29 days.
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2025 })).toThrow(/chỉ có 29 ngày/);
    expect(() => lunarToSolar({ day: 0, month: 1, year: 2025 })).toThrow(CalendarError);
    expect(() => lunarToSolar({ day: 1, month: 13, year: 2025 })).toThrow(/không hợp lệ/);
  });

  it('refuses dates outside 1900–2100', () => {
    expect(() => solarToLunar('1899-12-31')).toThrow(/ngoài khoảng/);
    expect(() => solarToLunar('2101-01-01')).toThrow(/ngoài khoảng/);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 2101 })).toThrow(/ngoài khoảng/);
  });
});
