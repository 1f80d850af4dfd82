import type { ImportIssue } from '../import/import-issue';
import { shownValue, TEXT_BOUNDS, textProblem } from '../import/input-bounds';
import { parseYesNo } from '../text/yes-no';
import { parseOnlineMode, parseStatutoryDays, type Procedure } from './procedure';

export const PROCEDURE_HEADERS = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  mode: 'Mức độ',
  days: 'Thời hạn giải quyết',
  hasFee: 'Có phí',
  interconnected: 'Liên thông',
} as const;
export type ProcedureField = keyof typeof PROCEDURE_HEADERS;
export const REQUIRED_PROCEDURE_FIELDS: ProcedureField[] = ['code', 'name', 'field', 'days'];

export type NewProcedure = Omit<Procedure, 'id'>;

/** The most procedures one catalogue file may hold (the national database lists a few thousand per level). */
export const MAX_PROCEDURE_ROWS = 20_000;

const TEXT_LIMITS: Partial<Record<ProcedureField, number>> = {
  code: TEXT_BOUNDS.procedureCode,
  name: TEXT_BOUNDS.procedureName,
  field: TEXT_BOUNDS.procedureField,
  level: TEXT_BOUNDS.procedureLevel,
};

/** Checks one catalogue row; problems name the file, line and column. */
export function parseProcedureRow(
  cells: Partial<Record<ProcedureField, string>>,
  file: string,
  row: number,
): { procedure?: NewProcedure; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const cell = (field: ProcedureField) => (cells[field] ?? '').trim();
  const fail = (field: ProcedureField, message: string) => issues.push({ file, row, column: PROCEDURE_HEADERS[field], message });
  for (const field of ['code', 'name', 'field'] as const) if (!cell(field)) fail(field, 'không được để trống.');
  for (const [field, max] of Object.entries(TEXT_LIMITS) as Array<[ProcedureField, number]>) {
    const problem = cell(field) ? textProblem(cell(field), max) : null;
    if (problem) fail(field, `giá trị ${problem}`);
  }
  if (/\s/.test(cell('code'))) fail('code', `mã thủ tục "${shownValue(cell('code'), 40)}" không được chứa khoảng trắng.`);
  const mode = parseOnlineMode(cell('mode'));
  if (!mode) fail('mode', `mức độ "${shownValue(cell('mode'))}" không hợp lệ (Toàn trình, Một phần, Cung cấp thông tin; hoặc Mức độ 2/3/4).`);
  const days = parseStatutoryDays(cell('days'));
  if (days === null) fail('days', `thời hạn "${shownValue(cell('days'))}" không hợp lệ (số ngày làm việc từ 0 đến 3.650, ví dụ 5 hoặc 0,5).`);
  const flag = (field: ProcedureField) => {
    const value = parseYesNo(cell(field));
    if (value === null) fail(field, `giá trị "${shownValue(cell(field))}" không hợp lệ (Có/Không).`);
    return value ?? false;
  };
  const hasFee = flag('hasFee');
  const interconnected = flag('interconnected');
  if (issues.length > 0) return { issues };
  return {
    issues,
    procedure: {
      code: cell('code'),
      name: cell('name'),
      field: cell('field'),
      level: cell('level'),
      onlineMode: mode!,
      statutoryDays: days!,
      hasFee,
      interconnected,
    },
  };
}
