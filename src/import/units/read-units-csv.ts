import type { ImportIssue } from '../../domain/import/import-issue';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { dateRangeProblem, shownValue, UNIT_MAX_DATE, UNIT_MIN_DATE } from '../../domain/import/input-bounds';
import { formatDateVi, parseDate } from '../../domain/text/iso-date';
import { parseUnitLevel } from '../../domain/units/unit';
import { MAX_UNIT_ROWS, unitCodeProblem, unitNameProblem, type UnitRow, type UnitRowColumns } from '../../domain/units/unit-rows';
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
  const table = readCsvTable(text, file, { maxRows: MAX_UNIT_ROWS });
  const { index, missing } = locateColumns(table.headers, UNIT_CSV_HEADERS, { file, headerLine: table.headerLine });
  const missingRequired = missing.filter((key) => REQUIRED.includes(key));
  if (missingRequired.length > 0) {
    throw new ImportRejectedError(
      missingRequired.map((key) => ({
        file,
        row: table.headerLine,
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
    const codeProblem = unitCodeProblem(code);
    if (codeProblem) fail('code', codeProblem);
    const nameProblem = unitNameProblem(name);
    if (nameProblem) fail('name', nameProblem);
    const level = parseUnitLevel(levelText);
    if (!level) fail('level', `cấp "${shownValue(levelText)}" không hợp lệ (dùng Tỉnh, Huyện hoặc Xã).`);
    const parentCode = cell('parentCode');
    const parentProblem = parentCode ? unitCodeProblem(parentCode) : null;
    if (parentProblem) fail('parentCode', parentProblem);
    const dates = { validFrom: null as string | null, validTo: null as string | null };
    for (const key of ['validFrom', 'validTo'] as const) {
      const text = cell(key);
      if (!text) continue;
      const date = parseDate(text);
      const problem = date ? dateRangeProblem(date, UNIT_MIN_DATE, UNIT_MAX_DATE, `quá xa (không sau ${formatDateVi(UNIT_MAX_DATE)})`) : null;
      if (!date) fail(key, `ngày "${shownValue(text)}" không hợp lệ (viết dd/mm/yyyy, ví dụ 01/07/2025).`);
      else if (problem) fail(key, problem);
      else dates[key] = date;
    }
    if (!codeProblem && !nameProblem && level && !parentProblem) {
      rows.push({
        code,
        name,
        level,
        parentCode: parentCode || null,
        ...dates,
        source: { file, row: line, columns },
      });
    }
  }
  if (issues.length > 0) throw new ImportRejectedError(issues);
  return rows;
}
