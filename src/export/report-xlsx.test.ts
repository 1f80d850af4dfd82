import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../domain/templates/load-template';
import { demoEmptyRows, demoValues } from './fixtures/report-fixture';
import { reportXlsx } from './report-xlsx';

const TEMPLATE_PATH = fileURLToPath(new URL('../../templates/mac-dinh-xa.yaml', import.meta.url));
const template = loadTemplate(readFileSync(TEMPLATE_PATH, 'utf8'), 'templates/mac-dinh-xa.yaml');
const values = demoValues(template);

async function open(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('reportXlsx', () => {
  let sheet: ExcelJS.Worksheet;
  let headerRow: number;
  const rowOf = (id: string) => sheet.getRow(headerRow + 1 + template.rows.findIndex((r) => r.id === id));

  beforeAll(async () => {
    const workbook = await open(await reportXlsx({ template, values, subtitle: 'Quý I năm 2024 – UBND xã Thịnh Đức' }));
    expect(workbook.worksheets).toHaveLength(1);
    sheet = workbook.worksheets[0]!;
    headerRow = 4;
  });

  it('has the title, then the header row, then one row per template row', () => {
    expect(sheet.getCell('A1').value).toBe('PHỤ LỤC SỐ LIỆU BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH CỦA UBND CẤP XÃ');
    expect(sheet.getCell('A2').value).toBe('Quý I năm 2024 – UBND xã Thịnh Đức');
    expect(sheet.getRow(headerRow).values).toEqual([undefined, 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu']);
    expect(sheet.rowCount).toBe(headerRow + template.rows.length);
    expect(sheet.getRow(sheet.rowCount).getCell(2).value).toBe(template.rows.at(-1)!.label);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  });

  it('stores numbers as numbers with a format: counts #,##0, percentages to the template decimals', () => {
    const received = rowOf('r_3_4_2').getCell(4);
    expect(received.value).toBe(1224);
    expect(received.numFmt).toBe('#,##0');
    const onTime = rowOf('r_3_5_1').getCell(4);
    expect(onTime.value).toBe(95.25);
    expect(onTime.numFmt).toBe('0.00');
    expect(rowOf('r_1_2').getCell(4)).toMatchObject({ value: 37.5, numFmt: '0.00' });
    expect(rowOf('r_6_1_b').getCell(4)).toMatchObject({ value: 8437.5, numFmt: '#,##0.0' });
    expect(rowOf('r_6_1_a').getCell(4)).toMatchObject({ value: 12500, numFmt: '#,##0' });
    expect(rowOf('r_1_6_2').getCell(4)).toMatchObject({ value: 1, numFmt: '0' });
  });

  it('keeps codes, labels, units, "Trong đó", text values and blank cells', () => {
    expect(rowOf('r_1_2_a').values).toEqual([undefined, 'Trong đó', 'Số nhiệm vụ đề ra trong kế hoạch', 'Nhiệm vụ', 8]);
    expect(rowOf('r_1_2_a').getCell(1).font).toMatchObject({ italic: true, name: 'Times New Roman' });
    expect(rowOf('r_3_4_2_b_1').getCell(2).alignment).toMatchObject({ indent: 2 });
    expect(rowOf('r_1').getCell(2).font).toMatchObject({ bold: true });
    expect(rowOf('r_1_1').getCell(4).value).toBe('Kế hoạch số 08/KH-UBND ngày 12/01/2024');
    for (const id of demoEmptyRows) expect(rowOf(id).getCell(4).value, id).toBeNull();
  });

  it('writes a date row as a date shown dd/mm/yyyy, and one column per unit for a roll-up', async () => {
    const withDate = loadTemplate(
      `
id: thu
version: "1"
title: Thử <&> "ngày"
issuer: Thử
levels: [commune]
periods: [quarter]
rows:
  - { id: a, code: "1.", label: Ngày ban hành, kind: date }
  - { id: b, code: "2.", label: Tỷ lệ, unit: "%", kind: percent, source: { formula: "c / d * 100", decimals: 1 } }
  - { id: c, label: Tử số, kind: count }
  - { id: d, label: Mẫu số, kind: count }
`,
      'thu.yaml',
    );
    const unitA = new Map([
      ['a', { value: '2024-01-12' }],
      ['b', { value: 33.3 }],
    ]);
    const unitB = new Map([['b', { value: 100 }]]);
    const workbook = await open(await reportXlsx({ template: withDate, columns: [{ header: 'Xã A', values: unitA }, { header: 'Xã B', values: unitB }] }));
    const s = workbook.worksheets[0]!;
    expect(s.getCell('A1').value).toBe('THỬ <&> "NGÀY"');
    expect(s.getRow(3).values).toEqual([undefined, 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Xã A', 'Xã B']);
    const date = s.getRow(4).getCell(4);
    expect(date.value).toEqual(new Date(Date.UTC(2024, 0, 12)));
    expect(date.numFmt).toBe('dd/mm/yyyy');
    expect(s.getRow(5).getCell(4)).toMatchObject({ value: 33.3, numFmt: '0.0' });
    expect(s.getRow(5).getCell(5)).toMatchObject({ value: 100, numFmt: '0.0' });
    expect(s.pageSetup.orientation).toBe('landscape');
  });
});

const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0);
/** Calc is a separate package (Debian: libreoffice-calc-nogui); its library sits beside soffice. */
const hasCalc = (() => {
  if (!soffice) return false;
  const program = dirname(realpathSync(execFileSync('which', [soffice], { encoding: 'utf8' }).trim()));
  return ['libsclo.so', 'libsclo.dylib', 'sclo.dll'].some((name) => existsSync(join(program, name)));
})();

describe.skipIf(!hasCalc)('reportXlsx: LibreOffice Calc reads the same values', () => {
  it('converts to CSV headlessly', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cchc-xlsx-'));
    try {
      const input = join(dir, 'phu-luc.xlsx');
      writeFileSync(input, await reportXlsx({ template, values }));
      // CSV filter: comma, double quotes, UTF-8, from line 1, raw values (not as shown) so the check does not depend on the locale.
      const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false';
      execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', dir, input], {
        timeout: 170_000,
        stdio: 'pipe',
      });
      const lines = readFileSync(join(dir, 'phu-luc.csv'), 'utf8').split(/\r?\n/);
      const line = (code: string) => lines.find((l) => l.startsWith(`${code},`) || l.startsWith(`"${code}",`));
      expect(line('3.4.2.')).toBe('3.4.2.,Số hồ sơ tiếp nhận trong kỳ,Hồ sơ,1224');
      expect(line('3.5.1.')).toBe('3.5.1.,Tỷ lệ hồ sơ TTHC giải quyết đúng hạn,%,95.25');
      expect(line('1.4.2.')).toBe('1.4.2.,Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra (lũy kế từ đầu năm),%,');
      expect(lines.filter((l) => l.startsWith('Trong đó,')).length).toBeGreaterThan(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
