import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { utf16be, utf16le, windows1258 } from './testing/encodings';
import { writeZip } from './testing/zip-writer';
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

  const TEXT = 'Mã hồ sơ,Kênh tiếp nhận\r\nH19-0001,Trực tuyến\r\n';

  it.each([
    ['UTF-16 LE with BOM', utf16le(TEXT), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16be(TEXT, false), 'utf-16be'],
    ['Windows-1258', windows1258(TEXT), 'windows-1258'],
  ])('decodes %s instead of finding no column', async (_name, bytes, encoding) => {
    const path = join(dir, `${encoding}.csv`);
    writeFileSync(path, bytes);
    const table = await openTabular(path);
    expect([table.headers, table.encoding]).toEqual([['Mã hồ sơ', 'Kênh tiếp nhận'], encoding]);
    const rows = [];
    for await (const row of table.rows) rows.push(row);
    expect(rows).toEqual([{ line: 2, cells: ['H19-0001', 'Trực tuyến'] }]);
  });

  it('honours Excel’s sep= line: its delimiter, and the header on line 2', async () => {
    const path = join(dir, 'sep.csv');
    writeFileSync(path, 'sep=;\r\nMã hồ sơ;Ghi chú\r\nHS-1;"a, b"\r\n');
    const { headers, headerLine, rows } = await openTabular(path);
    const all = [];
    for await (const row of rows) all.push(row);
    expect({ headers, headerLine, all }).toEqual({ headers: ['Mã hồ sơ', 'Ghi chú'], headerLine: 2, all: [{ line: 3, cells: ['HS-1', 'a, b'] }] });
  });

  it('gives a record spanning lines the line it starts on', async () => {
    const path = join(dir, 'multi.csv');
    writeFileSync(path, 'Mã,Ghi chú\n1,"một\nhai\nba"\n2,x\n');
    const all = [];
    for await (const row of (await openTabular(path)).rows) all.push(row.line);
    expect(all).toEqual([2, 5]);
  });

  it('refuses a NUL byte, invalid UTF-8 and an over-long cell with their row and column', async () => {
    const cases: Array<[string, Buffer, object]> = [
      ['nul.csv', Buffer.from('Mã,Tên\n1,Xã A\n2,Xã\u0000B\n'), { row: 3, column: 'Tên' }],
      ['utf8.csv', Buffer.concat([Buffer.from('Mã,Tên\n1,Xã A\n2,Xã '), Buffer.from([0xfe]), Buffer.from('\n')]), { row: 3 }],
      ['dai.csv', Buffer.from(`Mã,Tên\n1,${'x'.repeat(40_000)}\n`), { row: 2, column: 'Tên' }],
    ];
    for (const [name, bytes, where] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const error = await collect(path).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(UnreadableFileError);
      expect((error as UnreadableFileError).where, name).toEqual(where);
    }
  });

  it('refuses a zip bomb before expanding it, and bounds the number of rows', async () => {
    const bomb = join(dir, 'bom.xlsx');
    writeFileSync(bomb, writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024), declaredSize: 3 * 1024 * 1024 * 1024 }]));
    await expect(openTabular(bomb)).rejects.toThrow(/giải nén ra 3\.072 MB.*bom nén/);
    const many = join(dir, 'nhieu.csv');
    writeFileSync(many, `Mã\n${'1\n'.repeat(11)}`);
    const table = await openTabular(many, { maxRows: 10 });
    await expect((async () => { for await (const row of table.rows) void row; })()).rejects.toThrow(/hơn 10 dòng dữ liệu/);
  });
});

