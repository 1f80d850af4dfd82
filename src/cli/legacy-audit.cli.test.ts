import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAppendix } from '../domain/legacy/read-appendix';
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
