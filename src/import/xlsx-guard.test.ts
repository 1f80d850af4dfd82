import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeZip } from './testing/zip-writer';
import { assertSafeXlsx, XLSX_LIMITS } from './xlsx-guard';

const dir = mkdtempSync(join(tmpdir(), 'cchc-xlsx-guard-'));
const file = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('assertSafeXlsx', () => {
  it('lets a real workbook through', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Hồ sơ').addRows(Array.from({ length: 500 }, (_, i) => [`HS-${i}`, 'Xã Ba Bể', new Date(Date.UTC(2026, 0, 1))]));
    await expect(assertSafeXlsx(file('that.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())))).resolves.toBeUndefined();
  });

  it('refuses a real bomb (honest sizes) from its directory, without inflating it', async () => {
    const bomb = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(10_000);
    const limits = { ...XLSX_LIMITS, totalBytes: 1024 * 1024 };
    await expect(assertSafeXlsx(file('bom.xlsx', bomb), limits)).rejects.toThrow(/giải nén ra 4 MB \(tối đa 1 MB\).*bom nén/);
  });

  it('refuses a part that expands beyond the size it declares, while inflating it', async () => {
    const liar = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 10 }]);
    await expect(assertSafeXlsx(file('noi-doi.xlsx', liar))).rejects.toThrow(/bị hỏng: không giải nén được phần "xl\/worksheets\/sheet1\.xml"/);
  });

  it('keeps the parts the reader holds in memory smaller', async () => {
    const strings = writeZip([{ name: 'xl/sharedStrings.xml', data: Buffer.alloc(2 * 1024 * 1024) }]);
    await expect(assertSafeXlsx(file('chuoi.xlsx', strings), { ...XLSX_LIMITS, cachedPartBytes: 1024 * 1024 })).rejects.toThrow(/sharedStrings\.xml" giải nén ra 2 MB \(tối đa 1 MB\)/);
  });

  it('refuses too many parts and what is not a ZIP', async () => {
    const many = writeZip(Array.from({ length: 30 }, (_, i) => ({ name: `x${i}.xml`, data: Buffer.from('<a/>') })));
    await expect(assertSafeXlsx(file('nhieu.xlsx', many), { ...XLSX_LIMITS, entries: 20 })).rejects.toThrow(/có 30 phần \(tối đa 20\)/);
    await expect(assertSafeXlsx(file('chu.xlsx', Buffer.from('Mã,Tên')))).rejects.toThrow(/không phải tệp XLSX hợp lệ/);
  });
});
