import { describe, expect, it } from 'vitest';
import { resolveInterchangeValues } from './interchange';
import { loadTemplate } from './load-template';
import { validateValues } from './validate';

const template = loadTemplate(
  `
id: thu
version: "1"
title: Thử
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - id: r_1_1
    code: "1.1."
    label: Tỷ lệ hoàn thành kế hoạch
    unit: "%"
    kind: percent
    source: { formula: "r_1_1_b / r_1_1_a * 100", decimals: 2 }
    parts: at_most
    children:
      - { id: r_1_1_a, label: Số nhiệm vụ đề ra, unit: Nhiệm vụ, kind: count }
      - { id: r_1_1_b, label: Số nhiệm vụ đã hoàn thành, unit: Nhiệm vụ, kind: count }
  - id: r_2
    code: "2."
    label: Tổng số TTHC
    unit: Thủ tục
    kind: count
    parts: sum
    children:
      - { id: r_2_a, label: Cấp huyện, unit: Thủ tục, kind: count }
      - { id: r_2_b, label: Cấp xã, unit: Thủ tục, kind: count }
  - id: r_7_2
    code: "7.2."
    label: Họp trực tuyến
    kind: enum
    legend: { "0": Chưa có, "1": 2 cấp, "2": 3 cấp }
  - { id: r_8, code: "8.", label: Ngày ban hành kế hoạch, kind: date }
  - { id: r_9, code: "9.", label: Hồ sơ trực tuyến, unit: Hồ sơ, kind: count }
rules:
  - { id: online_le_total, left: r_9, operator: "<=", right: r_2, severity: warning, message: Số hồ sơ trực tuyến lớn bất thường. }
`,
  'thu.yaml',
);

const check = (values: Record<string, string | number>, reportDate = '2024-03-15') =>
  validateValues(template, resolveInterchangeValues(template, values).values, { reportDate });

describe('validateValues', () => {
  it('catches a percent that disagrees with its parts, naming both numbers', () => {
    const [finding] = check({ '1.1': '30', r_1_1_a: 8, r_1_1_b: 3 });
    expect(finding).toMatchObject({ row: 'r_1_1', code: '1.1.', rule: 'formula_matches', severity: 'error', reported: '30', expected: '37,5' });
    expect(finding!.message).toBe('Dòng 1.1. Tỷ lệ hoàn thành kế hoạch ghi 30% nhưng tính từ số liệu thành phần được 37,5% (3/8).');
  });

  it('accepts a percent rounded to the precision written', () => {
    expect(check({ '1.1': '98', r_1_1_a: 519, r_1_1_b: 509 })).toEqual([]);
    expect(check({ '1.1': '98,07', r_1_1_a: 519, r_1_1_b: 509 })).toEqual([]);
  });

  it('flags a percent over 100 and a part larger than its total', () => {
    const rules = check({ '1.1': '134', r_1_1_a: 5, r_1_1_b: 7, '2': 10, r_2_a: 11 }).map((f) => `${f.row}:${f.rule}`);
    expect(rules).toEqual(expect.arrayContaining(['r_1_1:percent_range', 'r_1_1:formula_matches', 'r_2_a:part_at_most_total']));
  });

  it('checks that parts cover their total where the form says so', () => {
    expect(check({ '2': 134, r_2_a: 0, r_2_b: 130 }).map((f) => f.rule)).toEqual(['parts_add_up']);
    expect(check({ '2': 134, r_2_a: 0, r_2_b: 134 })).toEqual([]);
  });

  it('keeps coded answers inside their legend and counts whole', () => {
    expect(check({ '7.2': 3 })[0]).toMatchObject({ rule: 'enum_in_legend', expected: '0, 1, 2' });
    expect(check({ '9': '2,5' })[0]).toMatchObject({ rule: 'count_whole' });
    expect(check({ '9': 'nhiều' })[0]).toMatchObject({ rule: 'number_valid' });
  });

  it('refuses impossible or future dates', () => {
    expect(check({ '8': '319/01/2023' })[0]).toMatchObject({ rule: 'date_valid' });
    expect(check({ '8': '20/03/2024' })[0]).toMatchObject({ rule: 'date_not_future' });
    expect(check({ '8': '01/03/2024' })).toEqual([]);
  });

  it('applies the template’s own rules with their severity', () => {
    expect(check({ '2': 10, '9': 12 })[0]).toMatchObject({ rule: 'online_le_total', severity: 'warning' });
  });

  it('puts a rule over an expression on the row it names first, not on a row whose id is a prefix', () => {
    const withRule = loadTemplate(
      `
id: thu2
version: "1"
title: Thử
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - { id: r_7, code: "7.", label: Mục 7, kind: heading }
  - { id: r_7_5_a, label: Điện tử, unit: "%", kind: percent }
  - { id: r_7_5_b, label: Song song, unit: "%", kind: percent }
rules:
  - { id: sum_le_100, left: r_7_5_a + r_7_5_b, operator: "<=", right: "100", severity: warning, message: Tổng hai tỷ lệ vượt 100%. }
`,
      'thu2.yaml',
    );
    const findings = validateValues(withRule, new Map([['r_7_5_a', 80], ['r_7_5_b', 70]]));
    expect(findings).toMatchObject([{ row: 'r_7_5_a', rule: 'sum_le_100' }]);
  });

  it('reports keys that match no row, and ambiguous codes', () => {
    expect(resolveInterchangeValues(template, { '9.9': 1 }).problems).toEqual(['Biểu mẫu "thu" không có dòng "9.9".']);
  });
});
