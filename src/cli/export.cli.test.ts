import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('cchc export and cchc report export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-export-cli-'));
  const env = { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  const cchc = (...args: string[]) => {
    const r = spawnSync(process.execPath, [root('bin/cchc.js'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const documentXml = async (path: string) => (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');

  beforeAll(() => {
    const unitsFile = join(dir, 'units.csv');
    writeFileSync(unitsFile, ['Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến', '19,Tỉnh Thái Nguyên,Tỉnh,,01/07/2025,', '01906,Xã Ba Bể,Xã,19,01/07/2025,'].join('\n'));
    expect(cchc('units', 'import', unitsFile).code).toBe(0);
    expect(cchc('procedures', 'import', root('demo/procedures.csv')).code).toBe(0);
    expect(cchc('demo', 'dossiers', '--unit', '01906', '--count', '400', '--from', '2025-11-01', '--to', '2026-03-31').code).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks for "cchc report compute" first, then exports the stored report as DOCX and XLSX', async () => {
    const out = join(dir, 'bao-cao.docx');
    const missing = cchc('report', 'export', '--unit', '01906', '--template', 'mac-dinh-xa', '--period', '2026-Q1', '--format', 'docx', '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cchc report compute --unit 01906');
    expect(cchc('report', 'compute', '--unit', '01906', '--template', 'mac-dinh-xa', '--period', '2026-Q1').code).toBe(0);
    const docx = cchc('report', 'export', '--unit', '01906', '--template', 'mac-dinh-xa', '--period', '2026-Q1', '--format', 'docx', '--out', out, '--json');
    expect(docx.code, docx.stderr).toBe(0);
    expect(JSON.parse(docx.stdout)).toMatchObject({ path: out });
    const xml = await documentXml(out);
    expect(xml).toContain('XÃ BA BỂ');
    expect(xml).toContain('UBND xã Ba Bể');
    const xlsxPath = join(dir, 'phu-luc.xlsx');
    expect(cchc('report', 'export', '--unit', '01906', '--template', 'mac-dinh-xa', '--period', '2026-Q1', '--format', 'xlsx', '--out', xlsxPath).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(10);
  }, 180_000);

  it('exports an interchange file with meta and narrative, values in Vietnamese notation', async () => {
    const fixture = JSON.parse(readFileSync(root('src/services/reports/fixtures/thinh-duc-2024-q1.json'), 'utf8'));
    const input = join(dir, 'so-lieu.json');
    writeFileSync(
      input,
      JSON.stringify({
        ...fixture,
        meta: { unitName: 'UBND xã Thịnh Đức', number: '42', parentBody: ['UBND THÀNH PHỐ THÁI NGUYÊN'] },
        narrative: { sections: [{ id: 'i', title: 'Công tác chỉ đạo, điều hành', blocks: [{ type: 'paragraph', runs: [{ text: 'Đã ban hành <kế hoạch> & 🙂' }] }] }] },
      }),
    );
    const out = join(dir, 'thinh-duc.docx');
    const result = cchc('export', input, '--format', 'docx', '--out', out);
    expect(result.code, result.stderr).toBe(0);
    const xml = await documentXml(out);
    for (const text of ['XÃ THỊNH ĐỨC', 'THÁI NGUYÊN', '42/BC-UBND', 'quý I năm 2024', '&lt;kế hoạch&gt; &amp; 🙂']) expect(xml).toContain(text);
    const xlsx = join(dir, 'thinh-duc.xlsx');
    expect(cchc('export', input, '--format', 'xlsx', '--out', xlsx).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const numbers = workbook.worksheets[0]!.getColumn(4).values.filter((v) => typeof v === 'number');
    expect(numbers).toContain(329);
  }, 120_000);

  it('rejects bad input with a Vietnamese message and exit code 2', () => {
    const bad = join(dir, 'sai.json');
    writeFileSync(bad, JSON.stringify({ template: 'mac-dinh-xa', period: '2026-Q1', values: {} }));
    const noName = cchc('export', bad, '--format', 'docx', '--out', join(dir, 'x.docx'));
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('meta.unitName');
    writeFileSync(bad, JSON.stringify({ template: 'mac-dinh-xa', period: '2026-Q1', values: { khong_co: '1' }, meta: { unitName: 'UBND xã A' } }));
    expect(cchc('export', bad, '--format', 'docx').stderr).toContain('không có dòng "khong_co"');
    const format = cchc('export', bad, '--format', 'odt');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('chọn docx, xlsx hoặc pdf');
    expect(cchc('export', join(dir, 'khong-co.json'), '--format', 'docx').stderr).toContain('không đọc được tệp JSON');
  }, 120_000);
});
