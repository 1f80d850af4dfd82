import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportValue } from '../domain/reports/report-values';
import { rollUp } from '../domain/reports/rollup';
import { loadTemplate } from '../domain/templates/load-template';
import { rollupWorkbook } from './rollup-xlsx';

const template = loadTemplate(
  `
id: thu
version: "1"
title: Phụ lục thử
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - id: r_1
    code: "1.1."
    label: Tỷ lệ hoàn thành kế hoạch
    unit: "%"
    kind: percent
    source: { formula: "r_1_b / r_1_a * 100", decimals: 2 }
    aggregate: recompute
    children:
      - { id: r_1_a, code: "a)", label: Số nhiệm vụ đề ra, kind: count }
      - { id: r_1_b, code: "b)", label: Số nhiệm vụ đã hoàn thành, kind: count }
`,
  'thu.yaml',
);

const v = (value: number | string | null): ReportValue => ({ value, provenance: 'entered', computed: null, reason: null });
const values = (entries: Record<string, number | string | null>) => new Map(Object.entries(entries).map(([k, x]) => [k, v(x)]));

describe('rollupWorkbook', () => {
  it('prints each row\'s coverage and shades, with a note, the cells left out of the roll-up', async () => {
    const sources = new Map([
      [1, values({ r_1_a: 27, r_1_b: 24 })],
      [2, values({ r_1_a: 21, r_1_b: null })],
      [3, values({ r_1_a: '-', r_1_b: '-' })],
    ]);
    const units = [
      { unit: { id: 1, name: 'Xã Một' }, included: true },
      { unit: { id: 2, name: 'Xã Hai' }, included: true },
      { unit: { id: 3, name: 'Xã Ba' }, included: true },
      { unit: { id: 4, name: 'Xã Bốn' }, included: false },
    ];
    const rolled = rollUp(template, [...sources].map(([unitId, v]) => ({ unitId, values: v })), { expected: 4 });
    const buffer = await rollupWorkbook({ template, unit: { name: 'Tỉnh Thử' }, periodLabel: 'Quý I năm 2026', basis: 'approved', units, values: rolled, sources });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1));
    const byCode = (code: string) => rows.find((r) => r.getCell(1).value === code)!;
    expect([4, 5, 6, 7, 8].map((c) => rows.find((r) => r.getCell(1).value === 'STT')!.getCell(c).value)).toEqual(['Tổng hợp', 'Phạm vi tổng hợp', 'Xã Một', 'Xã Hai', 'Xã Ba']);
    const rate = byCode('1.1.');
    expect(rate.getCell(4).value).toBe(88.89);
    expect(rate.getCell(5).value).toBe('1/4 đơn vị; không phát sinh: 1 đơn vị; không tính: Xã Hai (thiếu b) Số nhiệm vụ đã hoàn thành)');
    expect(rate.getCell(7).note).toBe('Không tính vào số liệu tổng hợp: thiếu b) Số nhiệm vụ đã hoàn thành.');
    expect((rate.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFCE4D6');
    expect(rate.getCell(6).note).toBeUndefined();
    const done = byCode('b)');
    expect(done.getCell(5).value).toBe('1/4 đơn vị; không phát sinh: 1 đơn vị; không tính: Xã Hai (chưa ghi số liệu)');
    expect(done.getCell(7).note).toBe('Không tính vào số liệu tổng hợp: chưa ghi số liệu.');
    expect(byCode('a)').getCell(4).value).toBe(48);
    expect(byCode('a)').getCell(8).value).toBe('-');
  });
});
