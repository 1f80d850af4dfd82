import { describe, expect, it } from 'vitest';
import { computeStats } from '../dossiers/metrics';
import { emptyCounts } from '../dossiers/facts';
import { loadTemplate } from '../templates/load-template';
import { applyValueChanges, computeReportValues, type ReportValue } from './report-values';

const template = loadTemplate(
  `
id: thu
version: "1"
title: Thử
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - id: r_1
    code: "1."
    label: Tỷ lệ giải quyết đúng hạn
    unit: "%"
    kind: percent
    source: { formula: "r_1_b / r_1_a * 100", decimals: 2 }
    parts: at_most
    children:
      - { id: r_1_a, label: Đã giải quyết, kind: count, source: { metric: resolved.total } }
      - { id: r_1_b, label: Đúng hạn, kind: count, source: { metric: "resolved.early + resolved.on_time" } }
  - { id: r_2, code: "2.", label: Lũy kế tiếp nhận, kind: count, source: { metric: received.in_period, window: cumulative } }
  - id: r_3
    code: "3."
    label: Tỷ lệ hoàn thành kế hoạch
    unit: "%"
    kind: percent
    source: { formula: "r_3_b / r_3_a * 100" }
    children:
      - { id: r_3_a, label: Nhiệm vụ, kind: count }
      - { id: r_3_b, label: Đã hoàn thành, kind: count }
`,
  'thu.yaml',
);

const stats = (early: number, onTime: number, late: number, received: number) =>
  computeStats({
    flows: { direct: { ...emptyCounts(), resolved_early: early, resolved_on_time: onTime, resolved_late: late, received } },
    openBefore: { total: 0, inTime: 0, overdue: 0, paused: 0 },
    openAtEnd: { total: 0, inTime: 0, overdue: 0, paused: 0 },
  });

describe('report values', () => {
  it('fills metric rows from their windows and formulas from their parts', () => {
    const values = computeReportValues(template, { period: stats(400, 109, 10, 300), cumulative: stats(0, 0, 0, 900) }, new Map());
    expect(values.get('r_1_a')).toEqual({ value: 519, provenance: 'computed', computed: 519, reason: null });
    expect(values.get('r_1_b')?.value).toBe(509);
    expect(values.get('r_1')?.value).toBe(98.07);
    expect(values.get('r_2')?.value).toBe(900);
    expect(values.get('r_3')?.value).toBeNull();
  });

  it('keeps entered values, needs a reason to override, and recomputes formulas from edits', () => {
    const computed = computeReportValues(template, { period: stats(400, 109, 10, 300), cumulative: null }, new Map());
    const refused = applyValueChanges(template, computed, [{ rowId: 'r_1_a', value: 520 }]);
    expect(refused.problems).toEqual(['Dòng Đã giải quyết được tính tự động; sửa số liệu cần ghi lý do.']);
    const edited = applyValueChanges(template, computed, [
      { rowId: 'r_3_a', value: 8 },
      { rowId: 'r_3_b', value: 3 },
      { rowId: 'r_1_a', value: 520, reason: 'Một hồ sơ giấy chưa nhập phần mềm' },
    ]);
    expect(edited.problems).toEqual([]);
    const refreshed = computeReportValues(template, null, edited.values);
    expect(refreshed.get('r_3')).toMatchObject({ value: 37.5, provenance: 'computed' });
    expect(refreshed.get('r_1_a')).toEqual({ value: 520, provenance: 'overridden', computed: 519, reason: 'Một hồ sơ giấy chưa nhập phần mềm' });
    expect(refreshed.get('r_1')?.value).toBe(97.88);
    // Recomputing from new statistics keeps the override and refreshes its computed side.
    const later = computeReportValues(template, { period: stats(401, 109, 10, 300), cumulative: null }, refreshed);
    expect(later.get('r_1_a')).toMatchObject({ value: 520, computed: 520 });
    const cleared = applyValueChanges(template, later, [{ rowId: 'r_1_a', value: null }]);
    expect(cleared.values.get('r_1_a')).toMatchObject({ value: 520, provenance: 'computed' });
  });
});

describe('count_units rows', () => {
  const province = loadTemplate(
    `
id: tinh
version: "1"
title: Tỉnh
issuer: Thử
levels: [province]
periods: [quarter]
rows:
  - { id: r_1, code: "1.", label: Số xã khảo sát kết hợp, unit: Đơn vị, kind: count, source: { count_units: { row: r_survey, equals: 2 } } }
  - { id: r_survey, code: "2.", label: Hình thức khảo sát, kind: enum, legend: { "0": Trực tuyến, "1": Phát phiếu, "2": Kết hợp } }
`,
    'tinh.yaml',
  );
  const child = (value: number | string | null): Map<string, ReportValue> =>
    new Map([['r_survey', { value, provenance: 'entered', computed: null, reason: null }]]);

  it('counts the child units whose report gives the value', () => {
    const values = computeReportValues(province, { period: null, cumulative: null, children: [child(2), child('2'), child(1), child(null)] }, new Map());
    expect(values.get('r_1')).toMatchObject({ value: 2, provenance: 'computed' });
  });

  it('stores every written form of "không phát sinh" as "-", and a rate over not-applicable parts as "-" too', () => {
    const start = computeReportValues(template, null, new Map());
    const { values, problems } = applyValueChanges(template, start, [
      { rowId: 'r_3_a', value: 'Không phát sinh' },
      { rowId: 'r_3_b', value: ' x ' },
    ]);
    expect(problems).toEqual([]);
    expect(values.get('r_3_a')).toMatchObject({ value: '-', provenance: 'entered' });
    expect(values.get('r_3_b')?.value).toBe('-');
    expect(computeReportValues(template, null, values).get('r_3')).toMatchObject({ value: '-', provenance: 'computed', computed: null });
    // Blank is not "không phát sinh": a rate with a blank part stays blank; so does 0/0.
    const blank = applyValueChanges(template, start, [{ rowId: 'r_3_a', value: '-' }, { rowId: 'r_3_b', value: '' }]).values;
    expect(blank.get('r_3_b')?.value).toBeNull();
    expect(computeReportValues(template, null, blank).get('r_3')?.value).toBeNull();
    const zero = applyValueChanges(template, start, [{ rowId: 'r_3_a', value: 0 }, { rowId: 'r_3_b', value: 0 }]).values;
    expect(computeReportValues(template, null, zero).get('r_3')?.value).toBeNull();
  });
});
