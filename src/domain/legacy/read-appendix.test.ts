import { describe, expect, it } from 'vitest';
import { loadTemplate } from '../templates/load-template';
import type { DocCell, ReadDocument } from './document';
import { foldCode, foldLabel, readAppendix, readingValues } from './read-appendix';

const yaml = (id: string, title: string, extra = '') => `id: ${id}
version: "1"
title: ${title}
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - id: r_1
    code: "1."
    label: Kết quả giải quyết TTHC
    kind: heading
    children:
      - id: r_1_1
        code: "1.1."
        label: Tỷ lệ hồ sơ cấp huyện giải quyết đúng hạn
        unit: "%"
        kind: percent
        source: { formula: "r_1_1_b / r_1_1_a * 100", decimals: 2 }
        children:
          - id: r_1_1_a
            label: Tổng số hồ sơ đã giải quyết xong
            unit: Hồ sơ
            kind: count
          - id: r_1_1_b
            label: Số hồ sơ giải quyết đúng hạn
            unit: Hồ sơ
            kind: count
      - id: r_1_2
        code: "1.2."
        label: Tỷ lệ hồ sơ cấp xã giải quyết đúng hạn
        unit: "%"
        kind: percent
        source: { formula: "r_1_2_b / r_1_2_a * 100", decimals: 2 }
        children:
          - id: r_1_2_a
            label: Tổng số hồ sơ đã giải quyết xong
            unit: Hồ sơ
            kind: count
          - id: r_1_2_b
            label: Số hồ sơ giải quyết đúng hạn
            unit: Hồ sơ
            kind: count
      - id: r_1_3
        code: "1.3."
        label: Số hồ sơ tiếp nhận trong kỳ
        unit: Hồ sơ
        kind: count
${extra}`;

const commune = loadTemplate(yaml('thu-xa', 'Phụ lục thử của UBND cấp xã'), 'thu-xa.yaml');
const other = loadTemplate(
  yaml(
    'thu-khac',
    'Biểu mẫu khác',
    `  - id: r_2
    code: "2."
    label: Cải cách tài chính công
    kind: count
`,
  ),
  'thu-khac.yaml',
);

const cells = (...texts: string[]): DocCell[] => texts.map((text) => ({ text }));
const appendix = (rows: string[][], title = 'PHỤ LỤC THỬ CỦA UBND CẤP XÃ'): ReadDocument => ({
  blocks: [
    { type: 'paragraph', text: title },
    { type: 'table', index: 1, rows: [cells('STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu'), ...rows.map((r) => cells(...r))] },
  ],
});

describe('readAppendix', () => {
  it('folds codes and labels the way documents vary them', () => {
    expect(foldCode('3.4.2.')).toBe(foldCode(' 3.4.2'));
    expect(foldLabel('Trong đó: Số hồ sơ  giải quyết đúng hạn.')).toBe('so ho so giai quyet dung han');
  });

  it('matches rows by code and label, parts under their own parent, and reads Vietnamese numbers', () => {
    const doc = appendix([
      ['1.', 'Kết quả giải quyết TTHC', '', ''],
      ['1.1.', 'Tỷ lệ hồ sơ cấp huyện giải quyết đúng hạn', '%', '-'],
      ['Trong đó', 'Tổng số hồ sơ đã giải quyết xong', 'Hồ sơ', '-'],
      ['', 'Số hồ sơ giải quyết đúng hạn', 'Hồ sơ', '-'],
      ['1.2', 'Tỷ lệ hồ sơ cấp xã giải quyết đúng hạn', '%', '99,9%'],
      ['Trong đó', 'Tổng số hồ sơ đã giải quyết xong', 'Hồ sơ', '1.224'],
      ['', 'Số hồ sơ giải quyết đúng hạn', 'Hồ sơ', '1.223'],
      ['1.3.', 'Số hồ sơ tiếp nhận trong kỳ', 'Hồ sơ', ''],
    ]);
    const reading = readAppendix(doc, [other, commune])!;
    expect(reading.template.id).toBe('thu-xa');
    expect(reading.titleFound).toBe(true);
    expect(reading.matchedRows).toBe(8);
    expect(reading.unmatched).toEqual([]);
    const byId = Object.fromEntries(reading.values.map((v) => [v.rowId, v]));
    expect(byId.r_1_1).toMatchObject({ raw: '-', value: null, notApplicable: true, where: { table: 1, row: 3 } });
    expect(byId.r_1_2).toMatchObject({ raw: '99,9%', value: 99.9, notApplicable: false, where: { table: 1, row: 6 } });
    expect(byId.r_1_2_a).toMatchObject({ raw: '1.224', value: 1224, where: { table: 1, row: 7 } });
    expect(byId.r_1_2_b).toMatchObject({ value: 1223 });
    // Blank is not read as 0: the row is simply not there.
    expect(byId.r_1_3).toBeUndefined();
    expect(readingValues(reading)).toEqual({ r_1_1: '-', r_1_1_a: '-', r_1_1_b: '-', r_1_2: '99,9%', r_1_2_a: '1.224', r_1_2_b: '1.223' });
  });

  it('lists a printed row that matches nothing instead of guessing, and tolerates a split header and a missing STT header', () => {
    const doc: ReadDocument = {
      blocks: [
        {
          type: 'table',
          index: 3,
          rows: [
            [{ text: 'TT' }, { text: 'Nội dung' }, { text: 'Kết quả' }, { text: 'Kết quả', covered: 'left' }],
            [{ text: 'TT', covered: 'above' }, { text: 'Nội dung', covered: 'above' }, { text: 'Đơn vị tính' }, { text: 'Số liệu' }],
            cells('1.3.', 'Số hồ sơ tiếp nhận trong kỳ', 'Hồ sơ', '1.180.000'),
            cells('1.2.', 'Tỷ lệ hồ sơ cấp xã giải quyết đúng hạn', '%', '98'),
            cells('1.4.', 'Số cuộc họp trực tuyến đã tổ chức', 'Cuộc', '7'),
            cells('1.1.', 'Tỷ lệ hồ sơ cấp huyện giải quyết đúng hạn', '%', ''),
          ],
        },
      ],
    };
    const reading = readAppendix(doc, [commune])!;
    expect(reading.values.map((v) => [v.rowId, v.value, v.where.row])).toEqual([
      ['r_1_3', 1_180_000, 3],
      ['r_1_2', 98, 4],
    ]);
    expect(reading.unmatched).toEqual([{ where: { table: 3, row: 5 }, code: '1.4.', label: 'Số cuộc họp trực tuyến đã tổ chức', raw: '7' }]);
    expect(reading.titleFound).toBe(false);
  });

  it('recognises no template in a document without an appendix table, unless one is named', () => {
    const letter: ReadDocument = { blocks: [{ type: 'paragraph', text: 'Kính gửi: UBND huyện' }, { type: 'table', index: 1, rows: [cells('Nơi nhận', 'Chủ tịch')] }] };
    expect(readAppendix(letter, [commune, other])).toBeNull();
    expect(readAppendix(letter, [commune, other], commune)).toMatchObject({ template: { id: 'thu-xa' }, matchedRows: 0, values: [] });
  });

  it('prefers the template whose rows the document prints', () => {
    const doc = appendix([
      ['1.1.', 'Tỷ lệ hồ sơ cấp huyện giải quyết đúng hạn', '%', '100'],
      ['1.3.', 'Số hồ sơ tiếp nhận trong kỳ', 'Hồ sơ', '5'],
      ['1.2.', 'Tỷ lệ hồ sơ cấp xã giải quyết đúng hạn', '%', '100'],
      ['2.', 'Cải cách tài chính công', 'Việc', '3'],
    ], 'BÁO CÁO');
    expect(readAppendix(doc, [commune, other])!.template.id).toBe('thu-khac');
  });
});
