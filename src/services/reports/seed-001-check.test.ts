import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../templates/check-report';

/** The appendix values as printed in seed 001 (UBND xã Thịnh Đức, quý I/2024). */
const printed = JSON.parse(readFileSync(new URL('./fixtures/thinh-duc-2024-q1.json', import.meta.url), 'utf8')) as {
  values: Record<string, string>;
};

describe('checking the values printed in seed 001', () => {
  const { findings, problems } = checkReport(printed);
  const errorAt = (row: string, rule: string) => findings.find((f) => f.row === row && f.rule === rule && f.severity === 'error');

  it('finds 3.4.2 = 196,5 % where its parts give 509/519 = 98,07 %', () => {
    const finding = errorAt('r_3_4_2', 'formula_matches');
    expect(finding?.expected).toBe('98,07');
    expect(finding?.message).toContain('196,5% nhưng tính từ số liệu thành phần được 98,07% (509/519)');
    expect(errorAt('r_3_4_2', 'percent_range')).toBeDefined();
  });

  it('finds 3.3.4 = 134 % (over 100)', () => {
    expect(errorAt('r_3_3_4', 'percent_range')?.message).toContain('134%');
  });

  it('finds 1.1 = 30 % where 3/8 = 37,5 %', () => {
    expect(errorAt('r_1_1', 'formula_matches')).toMatchObject({ reported: '30', expected: '37,5' });
  });

  it('finds 3.2.2 = 36 % where 36/36 = 100 %', () => {
    expect(errorAt('r_3_2_2', 'formula_matches')).toMatchObject({ reported: '36', expected: '100' });
  });

  it('finds 7.2 = 3 outside its legend 0–2', () => {
    expect(errorAt('r_7_2', 'enum_in_legend')).toMatchObject({ expected: '0, 1, 2' });
  });

  it('reads every printed key', () => {
    expect(problems).toEqual([]);
  });

  it('takes the "-" printed at 2.2 as "không phát sinh", not as a wrong number', () => {
    expect(printed.values['2.2']).toBe('-');
    expect(findings.filter((f) => f.row === 'r_2_2')).toEqual([]);
  });

  it('warns that 2.4 prints 100 % for 0/0: the rate cannot be computed', () => {
    expect(findings.filter((f) => f.row === 'r_2_4')).toEqual([
      expect.objectContaining({ rule: 'rate_not_computable', severity: 'warning', reported: '100', message: expect.stringContaining('mẫu số bằng 0 (0/0)') }),
    ]);
  });

  it('tells the value of 6.1, left blank while both parts are printed', () => {
    expect(findings.filter((f) => f.row === 'r_6_1')).toEqual([
      expect.objectContaining({ rule: 'formula_blank', severity: 'information', expected: '0', message: 'Tỷ lệ để trống; tính từ số liệu thành phần được 0% (0/1.180.000).' }),
    ]);
  });

  it('passes once the five figures are corrected', () => {
    const corrected = {
      ...printed,
      values: { ...printed.values, '3.4.2': '98,07', '3.3.4': '100', '1.1': '37,5', '3.2.2': '100', '7.2': '2' },
    };
    const result = checkReport(corrected);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
