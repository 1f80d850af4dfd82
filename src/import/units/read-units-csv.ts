import type { ImportIssue } from '../../domain/import/import-issue';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { parseDate } from '../../domain/text/iso-date';
import { parseUnitLevel } from '../../domain/units/unit';
import type { UnitRow, UnitRowColumns } from '../../domain/units/unit-rows';
import { locateColumns, readCsvTable } from '../csv-table';

export const UNIT_CSV_HEADERS: UnitRowColumns = {
  code: 'Mã',
  name: 'Tên',
  level: 'Cấp',
  parentCode: 'Mã cấp trên',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
};

const REQUIRED: Array<keyof UnitRowColumns> = ['code', 'name', 'level'];

/** Reads `Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến`; rejects the file with every problem located. */
export function readUnitsCsv(text: string, file: string): UnitRow[] {
  const table = readCsvTable(text, file);
  const { index, missing } = locateColumns(table.headers, UNIT_CSV_HEADERS);
  const missingRequired = missing.filter((key) => REQUIRED.includes(key));
  if (missingRequired.length > 0) {
    throw new ImportRejectedError(
      missingRequired.map((key) => ({
        file,
        row: 1,
        column: UNIT_CSV_HEADERS[key],
        message: `thiếu cột "${UNIT_CSV_HEADERS[key]}" (dòng tiêu đề cần: ${Object.values(UNIT_CSV_HEADERS).join(', ')}).`,
      })),
    );
  }
  const columns = Object.fromEntries(
    (Object.keys(UNIT_CSV_HEADERS) as Array<keyof UnitRowColumns>).map((key) => [
      key,
      index[key] !== undefined ? table.headers[index[key]!]! : UNIT_CSV_HEADERS[key],
    ]),
  ) as unknown as UnitRowColumns;

  const issues: ImportIssue[] = [];
  const rows: UnitRow[] = [];
  for (const { line, cells } of table.records) {
    const cell = (key: keyof UnitRowColumns) => (index[key] === undefined ? '' : (cells[index[key]!] ?? '').trim());
    const fail = (key: keyof UnitRowColumns, message: string) => issues.push({ file, row: line, column: columns[key], message });

    const code = cell('code');
    const name = cell('name');
    const levelText = cell('level');
    if (!code) fail('code', 'thiếu mã đơn vị.');
    else if (!/^[0-9A-Za-z._-]{1,20}$/.test(code)) fail('code', `mã "${code}" chỉ được gồm chữ, số và dấu . _ - (tối đa 20 ký tự).`);
    if (!name) fail('name', 'thiếu tên đơn vị.');
    const level = parseUnitLevel(levelText);
    if (!level) fail('level', `cấp "${levelText}" không hợp lệ (dùng Tỉnh, Huyện hoặc Xã).`);
    const dates = { validFrom: null as string | null, validTo: null as string | null };
    for (const key of ['validFrom', 'validTo'] as const) {
      const text = cell(key);
      if (!text) continue;
      const date = parseDate(text);
      if (!date) fail(key, `ngày "${text}" không hợp lệ (viết dd/mm/yyyy, ví dụ 01/07/2025).`);
      dates[key] = date;
    }
    if (code && name && level) {
      rows.push({
        code,
        name,
        level,
        parentCode: cell('parentCode') || null,
        ...dates,
        source: { file, row: line, columns },
      });
    }
  }
  if (issues.length > 0) throw new ImportRejectedError(issues);
  return rows;
}
