import { describe, expect, it } from 'vitest';
import { resolveInterchangeValues } from './interchange';
import { loadTemplate } from './load-template';
import { failedComparison, findingText, validateValues } from './validate';

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
    expect(finding!.message).toBe('Ghi 30% nhưng tính từ số liệu thành phần được 37,5% (3/8).');
    // The row is named once, by whoever shows the finding.
    expect(findingText(template, finding!)).toBe('1.1. Tỷ lệ hoàn thành kế hoạch: Ghi 30% nhưng tính từ số liệu thành phần được 37,5% (3/8).');
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

  it('applies the template’s own rules with their severity, saying in words what failed', () => {
    const [finding] = check({ '2': 27, '9': 30 });
    expect(finding).toMatchObject({ rule: 'online_le_total', severity: 'warning' });
    expect(finding!.message).toBe('Số hồ sơ trực tuyến lớn bất thường (30 lớn hơn 27).');
  });

  it('reads "-", "x" and "không phát sinh" as not applicable: no error, and nothing computed from them', () => {
    for (const written of ['-', 'x', 'X', 'Không phát sinh', 'khong phat sinh', 'KHÔNG PHÁT SINH.']) {
      expect(check({ '9': written, '8': written, '7.2': written })).toEqual([]);
    }
    // A rate over two not-applicable parts is left blank without a finding.
    expect(check({ r_1_1_a: '-', r_1_1_b: '-' })).toEqual([]);
    // ... and is no number in the template's own rules.
    expect(check({ '2': 10, '9': '-' })).toEqual([]);
  });

  it('warns about a rate printed where its denominator is 0 or has no value', () => {
    const zero = check({ '1.1': '100', r_1_1_a: 0, r_1_1_b: 0 });
    expect(zero).toEqual([
      expect.objectContaining({ row: 'r_1_1', rule: 'rate_not_computable', severity: 'warning', reported: '100' }),
    ]);
    expect(zero[0]!.message).toBe('Ghi 100% nhưng mẫu số bằng 0 (0/0) nên không tính được. Hãy để trống hoặc ghi "không phát sinh".');
    expect(check({ '1.1': '100', r_1_1_b: 3 })[0]!.message).toContain('mẫu số để trống (3/trống)');
    expect(check({ '1.1': '100', r_1_1_a: '-', r_1_1_b: '-' })[0]!.message).toContain('mẫu số ghi "không phát sinh" (-/-)');
    // Written as not applicable, or left blank, it is what the form asks for.
    expect(check({ '1.1': '-', r_1_1_a: 0, r_1_1_b: 0 })).toEqual([]);
    expect(check({ r_1_1_a: 0, r_1_1_b: 0 })).toEqual([]);
  });

  it('tells (information, never an error) the value of a rate left blank while both parts are given', () => {
    const findings = check({ r_1_1_a: 519, r_1_1_b: 509 });
    expect(findings).toEqual([
      expect.objectContaining({ row: 'r_1_1', rule: 'formula_blank', severity: 'information', expected: '98,07', reported: null }),
    ]);
    expect(findings[0]!.message).toBe('Tỷ lệ để trống; tính từ số liệu thành phần được 98,07% (509/519).');
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

describe('failedComparison', () => {
  it('says what was found, not the rule that failed', () => {
    expect(failedComparison(30, '<=', 27)).toBe('30 lớn hơn 27');
    expect(failedComparison(3, '>=', 8)).toBe('3 nhỏ hơn 8');
    expect(failedComparison(5, '<', 5)).toBe('5 bằng 5, không nhỏ hơn');
    expect(failedComparison(2.5, '==', 3)).toBe('2,5 khác 3');
    expect(failedComparison(4, '!=', 4)).toBe('4 bằng 4');
  });
});
