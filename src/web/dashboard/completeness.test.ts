import { describe, expect, it } from 'vitest';
import { completenessRows, completenessTable, type CompletenessAnswer } from './completeness';
import { completenessOption } from './CompletenessChart';

/** An answer of GET /api/completeness as the contract describes it: 3 communes, 2 quarters. */
const ANSWER: CompletenessAnswer = {
  template: { id: 'mac-dinh-xa', title: 'Phụ lục số liệu báo cáo CCHC cấp xã' },
  periods: [
    { periodId: '2025-Q4', label: 'Quý IV năm 2025', deadline: '2025-12-19' },
    { periodId: '2026-Q1', label: 'Quý I năm 2026', deadline: '2026-03-19' },
  ],
  units: [
    { id: 1, code: '01906', name: 'Xã Ba Bể' },
    { id: 2, code: '02020', name: 'Xã Chợ Đồn' },
    { id: 3, code: '99902', name: 'Xã Thử' },
  ],
  cells: [
    { unitId: 1, periodId: '2025-Q4', state: 'submitted', timeliness: 'on_time', reportId: 10, submittedAt: '2025-12-18T03:00:00Z' },
    { unitId: 2, periodId: '2025-Q4', state: 'submitted', timeliness: 'late', reportId: 11, submittedAt: '2025-12-22T03:00:00Z' },
    { unitId: 3, periodId: '2025-Q4', state: 'missing', timeliness: null, reportId: null, submittedAt: null },
    { unitId: 1, periodId: '2026-Q1', state: 'submitted', timeliness: 'on_time', reportId: 12, submittedAt: '2026-03-18T03:00:00Z' },
    { unitId: 2, periodId: '2026-Q1', state: 'submitted', timeliness: 'on_time', reportId: 13, submittedAt: '2026-03-17T03:00:00Z' },
    { unitId: 3, periodId: '2026-Q1', state: 'submitted', timeliness: 'on_time', reportId: 14, submittedAt: '2026-03-16T03:00:00Z' },
  ],
  totals: { expected: 6, received: 5, onTime: 4, late: 1, missing: 1, returned: 0, receivedPct: 83.33, onTimePct: 66.67 },
  // In another order than the periods: the chart follows the periods.
  byPeriod: [
    { periodId: '2026-Q1', label: 'Quý I năm 2026', expected: 3, received: 3, onTime: 3, receivedPct: 100, onTimePct: 100 },
    { periodId: '2025-Q4', label: 'Quý IV năm 2025', expected: 3, received: 2, onTime: 1, receivedPct: 66.67, onTimePct: 33.33 },
  ],
};

const PROVINCE = { name: 'Tỉnh Thái Nguyên', level: 'province' as const };
const COMMUNE = { name: 'Xã Ba Bể', level: 'commune' as const };

describe('report completeness chart', () => {
  it('splits each period’s expected reports into on time, late and missing', () => {
    expect(completenessRows(ANSWER)).toEqual([
      { periodId: '2025-Q4', label: 'Quý IV năm 2025', deadline: '2025-12-19', expected: 3, onTime: 1, late: 1, missing: 1, receivedPct: 66.67, onTimePct: 33.33 },
      { periodId: '2026-Q1', label: 'Quý I năm 2026', deadline: '2026-03-19', expected: 3, onTime: 3, late: 0, missing: 0, receivedPct: 100, onTimePct: 100 },
    ]);
  });

  it('draws three stacked bar series over the periods', () => {
    const option = completenessOption(ANSWER, PROVINCE);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Quý IV năm 2025', 'Quý I năm 2026']);
    const series = option.series as Array<{ name: string; type: string; stack: string; data: number[] }>;
    expect(series.map((s) => [s.name, s.type, s.stack, s.data])).toEqual([
      ['Nộp đúng hạn', 'bar', 'reports', [1, 3]],
      ['Nộp muộn', 'bar', 'reports', [1, 0]],
      ['Chưa nộp', 'bar', 'reports', [1, 0]],
    ]);
    expect((option.title as { text: string; subtext: string }).subtext).toBe('Phụ lục số liệu báo cáo CCHC cấp xã · các đơn vị trực thuộc Tỉnh Thái Nguyên');
    expect((option.aria as { label: { description: string } }).label.description).toContain('Quý IV năm 2025: phải nộp 3, đúng hạn 1, muộn 1, chưa nộp 1');
  });

  it('hands the same numbers to the XLSX table, percentages as 0–100', () => {
    const table = completenessTable(ANSWER, PROVINCE, 'nop-bao-cao');
    expect(table.columns.map((c) => c.header)).toEqual(['Kỳ báo cáo', 'Hạn nộp', 'Phải nộp', 'Nộp đúng hạn', 'Nộp muộn', 'Chưa nộp', 'Tỷ lệ đã nộp', 'Tỷ lệ nộp đúng hạn']);
    expect(table.rows).toEqual([
      ['Quý IV năm 2025', '2025-12-19', 3, 1, 1, 1, 66.67, 33.33],
      ['Quý I năm 2026', '2026-03-19', 3, 3, 0, 0, 100, 100],
    ]);
  });

  it('speaks of the commune itself on a commune’s dashboard, never of units below it', () => {
    const option = completenessOption(ANSWER, COMMUNE);
    expect((option.title as { subtext: string }).subtext).toBe('Phụ lục số liệu báo cáo CCHC cấp xã · Xã Ba Bể');
    expect(JSON.stringify(option)).not.toContain('trực thuộc');
    expect(completenessTable(ANSWER, COMMUNE, 'x').subtitle).toEqual(['Xã Ba Bể']);
    expect(completenessTable(ANSWER, PROVINCE, 'x').subtitle).toEqual(['Các đơn vị trực thuộc Tỉnh Thái Nguyên']);
  });

  it('keeps an empty answer empty', () => {
    const empty: CompletenessAnswer = { ...ANSWER, periods: [], byPeriod: [], cells: [], units: [] };
    expect(completenessRows(empty)).toEqual([]);
  });
});
