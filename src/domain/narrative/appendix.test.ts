import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates/load-template';
import { appendixRows } from './appendix';

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
    label: Công tác chỉ đạo
    kind: heading
    children:
      - id: r_1_1
        code: "1.1."
        label: Tỷ lệ hoàn thành kế hoạch
        unit: "%"
        kind: percent
        source: { formula: "r_1_1_b / r_1_1_a * 100", decimals: 1 }
        parts: at_most
        children:
          - { id: r_1_1_a, label: Số nhiệm vụ đề ra, unit: Nhiệm vụ, kind: count }
          - id: r_1_1_b
            label: Số nhiệm vụ đã hoàn thành
            unit: Nhiệm vụ
            kind: count
            parts: sum
            children:
              - { id: r_1_1_b_1, label: Đúng hạn, unit: Nhiệm vụ, kind: count }
      - { id: r_1_2, code: "1.2.", label: Hình thức khảo sát, unit: Trực tuyến = 0 Phát phiếu = 1, kind: enum, legend: { "0": Trực tuyến, "1": Phát phiếu } }
      - { id: r_1_3, code: "1.3.", label: Kế hoạch CCHC, kind: text }
      - { id: r_1_4, code: "1.4.", label: Ngày ban hành, kind: date }
      - { id: r_1_5, code: "1.5.", label: Kinh phí, unit: Triệu đồng, kind: money }
      - { id: r_1_6, code: "1.6.", label: Tỷ lệ nhập tay, unit: "%", kind: percent }
`,
  'thu.yaml',
);

describe('appendixRows', () => {
  const values = new Map<string, { value: number | string | null }>([
    ['r_1_1', { value: 37.5 }],
    ['r_1_1_a', { value: 8 }],
    ['r_1_1_b', { value: 3 }],
    ['r_1_2', { value: 1 }],
    ['r_1_3', { value: 'Số 08/KH-UBND <ngày 12/01/2024> & khác' }],
    ['r_1_4', { value: '2024-01-12' }],
    ['r_1_5', { value: 1180000.5 }],
    ['r_1_6', { value: '98,07' }],
  ]);
  const rows = appendixRows(template, [{ header: 'Số liệu', values }]);

  it('prints every template row once, in order', () => {
    expect(rows.map((r) => r.rowId)).toEqual(template.rows.map((r) => r.id));
  });

  it('writes "Trong đó" in the code column of the first part and indents parts by level', () => {
    const byId = new Map(rows.map((r) => [r.rowId, r]));
    expect(byId.get('r_1')).toMatchObject({ code: '1.', bold: true, indent: 0 });
    expect(byId.get('r_1_1')).toMatchObject({ code: '1.1.', codeIsNote: false, bold: false, indent: 0 });
    expect(byId.get('r_1_1_a')).toMatchObject({ code: 'Trong đó', codeIsNote: true, indent: 1 });
    expect(byId.get('r_1_1_b')).toMatchObject({ code: '', codeIsNote: false, indent: 1 });
    expect(byId.get('r_1_1_b_1')).toMatchObject({ code: 'Trong đó', codeIsNote: true, indent: 2 });
  });

  it('formats values by kind in vi-VN, leaves cells blank without a value', () => {
    const cell = (id: string) => rows.find((r) => r.rowId === id)!.cells[0];
    expect(cell('r_1')).toEqual({ type: 'blank' });
    expect(cell('r_1_1')).toEqual({ type: 'number', value: 37.5, decimals: 1, text: '37,5' });
    expect(cell('r_1_1_a')).toEqual({ type: 'number', value: 8, decimals: 0, text: '8' });
    expect(cell('r_1_1_b_1')).toEqual({ type: 'blank' });
    expect(cell('r_1_2')).toEqual({ type: 'number', value: 1, decimals: 0, text: '1' });
    expect(cell('r_1_3')).toEqual({ type: 'text', text: 'Số 08/KH-UBND <ngày 12/01/2024> & khác' });
    expect(cell('r_1_4')).toEqual({ type: 'text', text: '12/01/2024' });
    expect(cell('r_1_5')).toEqual({ type: 'number', value: 1180000.5, decimals: 1, text: '1.180.000,5' });
    expect(cell('r_1_6')).toEqual({ type: 'number', value: 98.07, decimals: 2, text: '98,07' });
  });

  it('rounds a percentage to the template decimals and prints one column per unit of a roll-up', () => {
    const a = new Map([['r_1_1', { value: 33.333 }]]);
    const b = new Map([['r_1_1', { value: 100 }]]);
    const [row] = appendixRows(template, [{ header: 'Xã A', values: a }, { header: 'Xã B', values: b }]).filter((r) => r.rowId === 'r_1_1');
    expect(row!.cells).toEqual([
      { type: 'number', value: 33.3, decimals: 1, text: '33,3' },
      { type: 'number', value: 100, decimals: 1, text: '100' },
    ]);
  });
});
