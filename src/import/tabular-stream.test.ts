import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openTabular, UnreadableFileError } from './tabular-stream';

const dir = mkdtempSync(join(tmpdir(), 'cchc-tabular-'));

async function collect(path: string) {
  const table = await openTabular(path);
  const rows = [];
  for await (const row of table.rows) rows.push(row);
  return { headers: table.headers, rows };
}

describe('openTabular', () => {
  it('reads an XLSX sheet with real Excel dates, numbers and rich text, keeping sheet line numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hồ sơ');
    sheet.addRow(['Mã hồ sơ', 'Ngày tiếp nhận', 'Số', 'Ghi chú']);
    sheet.addRow(['HS-1', new Date(Date.UTC(2026, 1, 17, 8, 30)), 12, { richText: [{ text: 'Tết ' }, { text: 'Bính Ngọ' }] }]);
    sheet.addRow([]);
    sheet.addRow(['HS-2', new Date(Date.UTC(2026, 2, 1)), 1.5, null]);
    const path = join(dir, 'ho-so.xlsx');
    await workbook.xlsx.writeFile(path);
    const { headers, rows } = await collect(path);
    expect(headers).toEqual(['Mã hồ sơ', 'Ngày tiếp nhận', 'Số', 'Ghi chú']);
    expect(rows).toEqual([
      { line: 2, cells: ['HS-1', '17/02/2026 08:30', '12', 'Tết Bính Ngọ'] },
      { line: 4, cells: ['HS-2', '01/03/2026', '1.5'] },
    ]);
  });

  it('reads semicolon CSV (Excel in Vietnamese) with a BOM and quoted commas, keeping line numbers', async () => {
    const path = join(dir, 'excel.csv');
    writeFileSync(path, '\uFEFFMã hồ sơ;Tên thủ tục\n\nHS-1;"Chứng thực; bản sao"\nHS-2;"Dòng\nhai"\n');
    const { headers, rows } = await collect(path);
    expect(headers).toEqual(['Mã hồ sơ', 'Tên thủ tục']);
    expect(rows.map((r) => r.cells)).toEqual([
      ['HS-1', 'Chứng thực; bản sao'],
      ['HS-2', 'Dòng\nhai'],
    ]);
    expect(rows[0]!.line).toBe(3);
  });

  it('refuses other formats and unreadable files in Vietnamese', async () => {
    await expect(openTabular(join(dir, 'a.pdf'))).rejects.toThrow(UnreadableFileError);
    await expect(openTabular(join(dir, 'khong-co.csv'))).rejects.toThrow(/không đọc được tệp/);
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a zip');
    await expect(collect(broken)).rejects.toThrow(/không phải tệp XLSX hợp lệ/);
  });
});
