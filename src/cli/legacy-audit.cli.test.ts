import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppendix, readingValues } from '../domain/legacy/read-appendix';
import { appendixCell } from '../domain/narrative/appendix';
import { resolveInterchangeValues } from '../domain/templates/interchange';
import { demoMeta, demoNarrative, demoValues } from '../export/fixtures/report-fixture';
import { reportDocx } from '../export/report-docx';
import { readDocxDocument } from '../import/docx-document';
import { writeZip } from '../import/testing/zip-writer';
import { checkReport, shippedTemplates } from '../services/templates/check-report';

/**
 * `cchc audit` on reports CCHC itself wrote as DOCX (values known), and on files it must refuse.
 * The seed 001 fixture holds the figures the commune printed, errors included (196,5 % on time).
 */
const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cchc-legacy-audit-'));
const cchc = (...args: string[]) => {
  const r = spawnSync(process.execPath, [root('bin/cchc.js'), ...args], {
    env: { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const templates = shippedTemplates();
const demoTemplate = templates.get('mac-dinh-xa')!;
const demo = demoValues(demoTemplate);
const printedPath = root('src/services/reports/fixtures/thinh-duc-2024-q1.json');
const printed = JSON.parse(readFileSync(printedPath, 'utf8')) as { template: string; values: Record<string, string> };
const thinhDucTemplate = templates.get(printed.template)!;
const paths = { demo: join(dir, 'bao-cao-mau.docx'), thinhDuc: join(dir, 'thinh-duc-quy-1.docx') };

beforeAll(async () => {
  writeFileSync(paths.demo, await reportDocx({ template: demoTemplate, values: demo, meta: demoMeta, narrative: demoNarrative() }));
  const { values } = resolveInterchangeValues(thinhDucTemplate, printed.values);
  const thinhDuc = new Map([...values].map(([id, value]) => [id, { value }]));
  writeFileSync(paths.thinhDuc, await reportDocx({ template: thinhDucTemplate, values: thinhDuc, meta: demoMeta, narrative: demoNarrative() }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a report CCHC exported as DOCX', () => {
  it('recognises the template and reads back every value as the appendix printed it', async () => {
    const reading = readAppendix(await readDocxDocument(paths.demo), templates.values())!;
    expect(reading.template.id).toBe('mac-dinh-xa');
    expect(reading.titleFound).toBe(true);
    expect(reading.matchedRows).toBe(demoTemplate.rows.length);
    expect(reading.unmatched).toEqual([]);
    const read = new Map(reading.values.map((v) => [v.rowId, v]));
    let compared = 0;
    for (const row of demoTemplate.rows) {
      const cell = appendixCell(row, demo.get(row.id)?.value);
      const got = read.get(row.id);
      if (cell.type === 'blank') {
        expect(got, row.id).toBeUndefined();
        continue;
      }
      compared += 1;
      if (cell.type === 'number') expect(got?.value, row.id).toBe(cell.value);
      else expect(got?.raw, row.id).toBe(cell.text);
    }
    expect(compared).toBe(reading.values.length);
    expect(compared).toBeGreaterThan(80);
  });

  it('reads the seed 001 figures from a DOCX and finds what `cchc check` finds in the same figures', async () => {
    const reading = readAppendix(await readDocxDocument(paths.thinhDuc), templates.values())!;
    expect(reading.template.id).toBe('thai-nguyen-xa-quy');
    const byId = Object.fromEntries(reading.values.map((v) => [v.rowId, v]));
    expect(byId.r_3_4_2).toMatchObject({ raw: '196,5', value: 196.5, code: '3.4.2.' });
    expect(byId.r_2_2).toMatchObject({ raw: '-', notApplicable: true, value: null });
    const expected = checkReport(printed, templates).findings.map((f) => `${f.row} ${f.rule} ${f.severity}`);

    const result = cchc('audit', paths.thinhDuc, '--json');
    expect(result.code, result.stderr).toBe(1);
    const json = JSON.parse(result.stdout) as {
      template: { id: string };
      findings: Array<{ row: string; code: string | null; rule: string; severity: string; where: { table: number; row: number } | null; quote: string | null; reported: string | null; expected: string | null }>;
    };
    expect(json.template.id).toBe('thai-nguyen-xa-quy');
    expect(json.findings.map((f) => `${f.row} ${f.rule} ${f.severity}`).sort()).toEqual(expected.sort());
    const onTime = json.findings.find((f) => f.code === '3.4.2.' && f.rule === 'formula_matches')!;
    expect(onTime).toMatchObject({ severity: 'error', reported: '196,5', expected: '98,07', quote: expect.stringContaining('196,5') });
    expect(onTime.where).toEqual(byId.r_3_4_2!.where);

    const text = cchc('audit', paths.thinhDuc);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('biểu mẫu thai-nguyen-xa-quy');
    expect(text.stdout).toMatch(/LỖI 3\.4\.2\. Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn: Ghi 196,5% .*98,07%.* \[bảng \d+, dòng \d+\]/);
    expect(text.stdout).toMatch(/6 lỗi, 2 cảnh báo, 1 thông tin\.\n$/);
  });

  it('exits 0 on a report without errors, and uses the template named with --template', () => {
    const ok = cchc('audit', paths.demo);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Không phát hiện lỗi');
    const forced = cchc('audit', paths.demo, '--template', 'thanh-hoa-xa-quy', '--json');
    expect(JSON.parse(forced.stdout).template.id).toBe('thanh-hoa-xa-quy');
    const unknown = cchc('audit', paths.demo, '--template', 'khong-co');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('không có biểu mẫu "khong-co"');
  });
});

describe('reading an appendix typed by hand in Word', () => {
  type Cell = string | { text: string; span?: number; merge?: 'restart' | 'continue' };
  const cell = (c: Cell) => {
    const spec = typeof c === 'string' ? { text: c } : c;
    return new TableCell({
      children: [new Paragraph({ children: [new TextRun(spec.text)] })],
      ...(spec.span ? { columnSpan: spec.span } : {}),
      ...(spec.merge ? { verticalMerge: spec.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
    });
  };
  const table = (rows: Cell[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) });
  // The header as provinces print it: "Kết quả" over "Đơn vị tính | Số liệu", STT and label merged down.
  const header: Cell[][] = [
    [{ text: 'STT', merge: 'restart' }, { text: 'Các chỉ tiêu (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)', merge: 'restart' }, { text: 'Kết quả', span: 2 }, { text: 'Ghi chú', merge: 'restart' }],
    [{ text: '', merge: 'continue' }, { text: '', merge: 'continue' }, 'Đơn vị tính', 'Số liệu', { text: '', merge: 'continue' }],
  ];

  it('reads values under merged headers, a merged "Trong đó", and a table continued after a page break', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('PHỤ LỤC BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH')] }),
            table([
              ...header,
              ['1.', { text: 'Công tác chỉ đạo, điều hành CCHC', span: 4 }],
              ['1.1.', 'Tỷ lệ hoàn thành kế hoạch CCHC năm (lũy kế đến thời điểm báo cáo)', '%', '37,5', ''],
              [{ text: 'Trong đó', merge: 'restart' }, 'Số nhiệm vụ đề ra trong kế hoạch', 'Nhiệm vụ', '8', ''],
              [{ text: '', merge: 'continue' }, 'Số nhiệm vụ đã hoàn thành', 'Nhiệm vụ', '3', ''],
              ['2.2.', 'Số VBQPPL đã kiểm tra theo thẩm quyền của Chủ tịch UBND cấp huyện', '-', '-', ''],
            ]),
            table([
              ...header,
              ['3.4.2.', 'Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn', '%', '98,07%', ''],
              [{ text: 'Trong đó', merge: 'restart' }, 'Tổng số hồ sơ TTHC đã giải quyết xong', 'Hồ sơ', '1.224', ''],
              [{ text: '', merge: 'continue' }, 'Số hồ sơ TTHC giải quyết đúng hạn', 'Hồ sơ', '1.100', 'đã đối chiếu sổ'],
            ]),
          ],
        },
      ],
    });
    const path = join(dir, 'go-tay.docx');
    writeFileSync(path, await Packer.toBuffer(doc));
    const reading = readAppendix(await readDocxDocument(path), templates.values())!;
    expect(reading.template.id).toBe('thai-nguyen-xa-quy');
    expect(reading.unmatched).toEqual([]);
    expect(reading.values.map((v) => [v.rowId, v.raw, v.value, `${v.where.table}:${v.where.row}`])).toEqual([
      ['r_1_1', '37,5', 37.5, '1:4'],
      ['r_1_1_a', '8', 8, '1:5'],
      ['r_1_1_b', '3', 3, '1:6'],
      ['r_2_2', '-', null, '1:7'],
      ['r_3_4_2', '98,07%', 98.07, '2:3'],
      ['r_3_4_2_a', '1.224', 1224, '2:4'],
      ['r_3_4_2_b', '1.100', 1100, '2:5'],
    ]);
    // 1.100 of 1.224 is 89,87 %, not the 98,07 % printed: the template check says so.
    const findings = checkReport({ template: reading.template.id, values: readingValues(reading) }, templates).findings;
    expect(findings.filter((f) => f.row === 'r_3_4_2').map((f) => [f.rule, f.expected])).toEqual([['formula_matches', '89,87']]);
    expect(findings.filter((f) => f.row === 'r_1_1')).toEqual([]);
  });
});

describe('cchc audit refuses what it cannot read, naming the file (exit 2)', () => {
  const documentXml = (inner: string) =>
    Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${inner}</w:body></w:document>`);
  const cases: Array<[string, string, () => Buffer, RegExp]> = [
    ['a text file named .docx', 'bao-cao.docx', () => Buffer.from('BÁO CÁO công tác CCHC quý I\n'), /không phải tệp DOCX hợp lệ/],
    ['a Word 97–2003 file', 'bao-cao-cu.doc', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]), /Word 97–2003/],
    [
      'a zip bomb (document.xml declared at 5 GB)',
      'bom.docx',
      () => writeZip([{ name: 'word/document.xml', data: documentXml('<w:p/>'), declaredSize: 0xffff_fff0 }]),
      /bom nén/,
    ],
    ['a DOCX without an appendix', 'cong-van.docx', () => writeZip([{ name: 'word/document.xml', data: documentXml('<w:p><w:r><w:t>Kính gửi: UBND tỉnh</w:t></w:r></w:p>') }]), /không nhận ra biểu mẫu/],
  ];
  it.each(cases)('%s', (_what, name, bytes, message) => {
    const path = join(dir, name);
    writeFileSync(path, bytes());
    const result = cchc('audit', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`"${path}"`);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('a missing file', () => {
    const result = cchc('audit', join(dir, 'khong-co.docx'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/khong-co\.docx.*không tìm thấy tệp/);
  });
});
