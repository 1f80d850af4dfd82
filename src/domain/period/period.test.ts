import { describe, expect, it } from 'vitest';
import { SCHEDULE_2024_EXCERPT } from '../calendar/fixtures/schedule-excerpts';
import { WorkCalendar } from '../calendar/working-days';
import {
  PeriodError,
  cumulativeWindow,
  cutoffRuleLabel,
  cutoffWindow,
  formatCutoffRule,
  parseCutoffRule,
  parsePeriodId,
  periodContaining,
  periodLabel,
  reportingDeadline,
  reportingYearOf,
  windowLength,
} from './index';

function window(id: string, rule = 'nd09'): string {
  const w = cutoffWindow(parsePeriodId(id), parseCutoffRule(rule));
  return `${w.from}..${w.to}`;
}

describe('period ids and labels', () => {
  it('reads every kind of id', () => {
    expect(parsePeriodId('2024-Q1')).toMatchObject({ id: '2024-Q1', kind: 'quarter', year: 2024, firstMonth: 1, lastMonth: 3 });
    expect(parsePeriodId('2024-M11')).toMatchObject({ id: '2024-M11', kind: 'month', index: 11 });
    expect(parsePeriodId('2024-m3')).toMatchObject({ id: '2024-M03', kind: 'month', index: 3 });
    expect(parsePeriodId('2022-H1')).toMatchObject({ id: '2022-H1', kind: 'half', firstMonth: 1, lastMonth: 6 });
    expect(parsePeriodId('2022-H2')).toMatchObject({ firstMonth: 7, lastMonth: 12 });
    expect(parsePeriodId('2023-9M')).toMatchObject({ id: '2023-9M', kind: 'nine_months', firstMonth: 1, lastMonth: 9 });
    expect(parsePeriodId('2024')).toMatchObject({ id: '2024', kind: 'year' });
    expect(parsePeriodId('2024-01-05..2024-02-10')).toMatchObject({
      id: '2024-01-05..2024-02-10',
      kind: 'custom',
      from: '2024-01-05',
      to: '2024-02-10',
    });
  });

  it('labels periods in Vietnamese', () => {
    const label = (id: string) => periodLabel(parsePeriodId(id));
    expect(label('2024-Q1')).toBe('Quý I năm 2024');
    expect(label('2024-Q4')).toBe('Quý IV năm 2024');
    expect(label('2022-H1')).toBe('6 tháng đầu năm 2022');
    expect(label('2022-H2')).toBe('6 tháng cuối năm 2022');
    expect(label('2023-9M')).toBe('9 tháng năm 2023');
    expect(label('2023-M11')).toBe('Tháng 11 năm 2023');
    expect(label('2024')).toBe('Năm 2024');
    expect(label('2024-01-05..2024-02-10')).toBe('Từ ngày 05/01/2024 đến ngày 10/02/2024');
  });

  it('rejects bad ids with a typed error and a Vietnamese reason', () => {
    const message = (id: string) => {
      try {
        parsePeriodId(id);
      } catch (error) {
        expect(error).toBeInstanceOf(PeriodError);
        return (error as PeriodError).message;
      }
      throw new Error(`accepted ${id}`);
    };
    expect(message('2024-Q5')).toBe('Kỳ báo cáo không hợp lệ: "2024-Q5" (quý phải từ 1 đến 4).');
    expect(message('2024-Q0')).toBe('Kỳ báo cáo không hợp lệ: "2024-Q0" (quý phải từ 1 đến 4).');
    expect(message('2024-M13')).toBe('Kỳ báo cáo không hợp lệ: "2024-M13" (tháng phải từ 1 đến 12).');
    expect(message('2024-H3')).toBe('Kỳ báo cáo không hợp lệ: "2024-H3" (nửa năm phải là H1 hoặc H2).');
    expect(message('1800')).toBe('Kỳ báo cáo không hợp lệ: "1800" (năm phải từ 1900 đến 2100).');
    expect(message('quý 1')).toMatch(/dạng hợp lệ: 2024, 2024-Q1/);
    expect(message('2024-02-10..2024-01-05')).toMatch(/ngày bắt đầu sau ngày kết thúc/);
    expect(message('2024-02-30..2024-03-05')).toMatch(/không có ngày 2024-02-30 trong lịch/);
  });
});

describe('cut-off windows', () => {
  it('Decree 09/2019 (nd09), the default', () => {
    expect(window('2024-Q1')).toBe('2023-12-15..2024-03-14');
    expect(window('2024-M11')).toBe('2024-10-15..2024-11-14');
    expect(window('2024-M01')).toBe('2023-12-15..2024-01-14');
    expect(window('2022-H1')).toBe('2021-12-15..2022-06-14');
    expect(window('2022-H2')).toBe('2022-06-15..2022-12-14');
    expect(window('2023-9M')).toBe('2022-12-15..2023-09-14');
    expect(window('2024')).toBe('2023-12-15..2024-12-14');
    expect(cutoffWindow(parsePeriodId('2024-Q1'))).toEqual({ from: '2023-12-15', to: '2024-03-14' });
  });

  it('day:D, as Hải Dương reports 6 months 2022 with day:10', () => {
    expect(window('2022-H1', 'day:10')).toBe('2021-12-10..2022-06-09');
    expect(window('2024-M03', 'day:20')).toBe('2024-02-20..2024-03-19');
    expect(window('2024', 'day:15')).toBe(window('2024', 'nd09'));
    expect(window('2024-Q1', 'day:1')).toBe('2023-12-01..2024-02-29');
  });

  it('calendar months', () => {
    expect(window('2024-Q1', 'calendar')).toBe('2024-01-01..2024-03-31');
    expect(window('2024-M02', 'calendar')).toBe('2024-02-01..2024-02-29');
    expect(window('2023-9M', 'calendar')).toBe('2023-01-01..2023-09-30');
    expect(window('2022-H2', 'calendar')).toBe('2022-07-01..2022-12-31');
    expect(window('2024', 'calendar')).toBe('2024-01-01..2024-12-31');
  });

  it('a custom range is its own window', () => {
    expect(window('2024-01-05..2024-02-10')).toBe('2024-01-05..2024-02-10');
    expect(windowLength(cutoffWindow(parsePeriodId('2024-01-05..2024-02-10')))).toBe(37);
  });

  it('windows of consecutive months tile the year without gaps or overlaps', () => {
    for (const rule of ['nd09', 'calendar', 'day:10', 'day:28']) {
      let total = 0;
      let previousEnd = '';
      for (let m = 1; m <= 12; m++) {
        const w = cutoffWindow(parsePeriodId(`2024-M${m}`), parseCutoffRule(rule));
        if (previousEnd) {
          expect(w.from > previousEnd).toBe(true);
          expect(windowLength({ from: previousEnd, to: w.from })).toBe(2);
        }
        previousEnd = w.to;
        total += windowLength(w);
      }
      expect(total, rule).toBe(windowLength(cutoffWindow(parsePeriodId('2024'), parseCutoffRule(rule))));
    }
  });

  it('cumulative windows start at the reporting year under the same rule', () => {
    const cumulative = (id: string, rule = 'nd09') => {
      const w = cumulativeWindow(parsePeriodId(id), parseCutoffRule(rule));
      return `${w.from}..${w.to}`;
    };
    expect(cumulative('2024-Q3')).toBe('2023-12-15..2024-09-14');
    expect(cumulative('2024-M11')).toBe('2023-12-15..2024-11-14');
    expect(cumulative('2022-H1', 'day:10')).toBe('2021-12-10..2022-06-09');
    expect(cumulative('2024-Q2', 'calendar')).toBe('2024-01-01..2024-06-30');
    expect(cumulative('2024-01-05..2024-02-10')).toBe('2023-12-15..2024-02-10');
    expect(cumulative('2024-12-16..2024-12-20')).toBe('2024-12-15..2024-12-20'); // already in 2025's year
  });
});

describe('which period a date belongs to', () => {
  it('follows the rule', () => {
    expect(periodContaining('2024-12-20', 'month').id).toBe('2025-M01');
    expect(periodContaining('2024-12-14', 'month').id).toBe('2024-M12');
    expect(periodContaining('2024-03-14', 'quarter').id).toBe('2024-Q1');
    expect(periodContaining('2024-03-15', 'quarter').id).toBe('2024-Q2');
    expect(periodContaining('2024-03-15', 'quarter', { kind: 'calendar' }).id).toBe('2024-Q1');
    expect(periodContaining('2022-06-10', 'half', parseCutoffRule('day:10')).id).toBe('2022-H2');
    expect(periodContaining('2023-12-15', 'year').id).toBe('2024');
    expect(reportingYearOf('2023-12-15')).toBe(2024);
    expect(reportingYearOf('2023-12-14')).toBe(2023);
  });
});

describe('cut-off rules', () => {
  it('parses and formats', () => {
    expect(parseCutoffRule('nd09')).toEqual({ kind: 'nd09' });
    expect(parseCutoffRule('CALENDAR')).toEqual({ kind: 'calendar' });
    expect(parseCutoffRule('day:10')).toEqual({ kind: 'day', day: 10 });
    expect(formatCutoffRule(parseCutoffRule('day:10'))).toBe('day:10');
    expect(cutoffRuleLabel({ kind: 'day', day: 10 })).toBe('Từ ngày 10 tháng trước đến ngày 9 tháng cuối kỳ');
  });

  it('rejects bad rules in Vietnamese', () => {
    expect(() => parseCutoffRule('day:31')).toThrow('Quy tắc chốt số liệu không hợp lệ: "day:31" (ngày chốt phải từ 1 đến 28).');
    expect(() => parseCutoffRule('day:0')).toThrow(/từ 1 đến 28/);
    expect(() => parseCutoffRule('weekly')).toThrow(/dùng nd09, calendar hoặc day:D/);
  });
});

describe('reporting deadline', () => {
  const calendar = new WorkCalendar({ schedules: [SCHEDULE_2024_EXCERPT] });

  it('is the cut-off end plus N days, optionally moved off a day off', () => {
    const q1 = parsePeriodId('2024-Q1');
    expect(reportingDeadline(q1, { kind: 'nd09' }, 5)).toBe('2024-03-19');
    // 14/12/2024 + 2 = Monday 16/12; + 1 = Sunday 15/12 → Monday 16/12 with the calendar.
    expect(reportingDeadline(parsePeriodId('2024'), { kind: 'nd09' }, 1)).toBe('2024-12-15');
    expect(reportingDeadline(parsePeriodId('2024'), { kind: 'nd09' }, 1, { calendar })).toBe('2024-12-16');
    // Quarter 1 calendar months end 31/03; +30 = 30/04/2024, a holiday → 02/05/2024.
    expect(reportingDeadline(q1, { kind: 'calendar' }, 30, { calendar })).toBe('2024-05-02');
    expect(() => reportingDeadline(q1, { kind: 'nd09' }, -1)).toThrow(/Số ngày gửi báo cáo/);
  });
});
