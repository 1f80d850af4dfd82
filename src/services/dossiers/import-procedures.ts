import { basename } from 'node:path';
import { duplicateHeaderMessage, duplicatesOf } from '../../domain/import/header-row';
import type { ImportIssue } from '../../domain/import/import-issue';
import { ImportRejectedError } from '../../domain/import/import-issue';
import {
  MAX_PROCEDURE_ROWS,
  PROCEDURE_HEADERS,
  REQUIRED_PROCEDURE_FIELDS,
  parseProcedureRow,
  type NewProcedure,
  type ProcedureField,
} from '../../domain/procedures/procedure-row';
import { normalizeForSearch } from '../../domain/text/normalize-for-search';
import { openTabular, UnreadableFileError } from '../../import/tabular-stream';
import type { Store } from '../../store/store';

export interface ImportProceduresResult {
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Loads the procedure catalogue from CSV/XLSX. All or nothing, keyed by Mã thủ tục. */
export async function importProcedures(store: Store, path: string, fileName = basename(path)): Promise<ImportProceduresResult> {
  const file = fileName;
  const rows: NewProcedure[] = [];
  const issues: ImportIssue[] = [];
  let table;
  try {
    table = await openTabular(path, { maxRows: MAX_PROCEDURE_ROWS });
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
    throw error;
  }
  try {
    const folded = table.headers.map(normalizeForSearch);
    const index = new Map<ProcedureField, number>();
    for (const [field, header] of Object.entries(PROCEDURE_HEADERS) as Array<[ProcedureField, string]>) {
      const i = folded.indexOf(normalizeForSearch(header));
      if (i >= 0) index.set(field, i);
    }
    const row = table.headerLine;
    const duplicates = duplicatesOf(table.headers, [...index.values()]);
    if (duplicates.length > 0) {
      throw new ImportRejectedError(duplicates.map((d) => ({ file, row, column: d.header, message: duplicateHeaderMessage(d, table.headers) })));
    }
    const missing = REQUIRED_PROCEDURE_FIELDS.filter((f) => !index.has(f));
    if (missing.length > 0) {
      throw new ImportRejectedError(missing.map((f) => ({ file, row, column: PROCEDURE_HEADERS[f], message: 'thiếu cột này trong dòng tiêu đề.' })));
    }
    const seen = new Map<string, number>();
    for await (const row of table.rows) {
      const cells: Partial<Record<ProcedureField, string>> = {};
      for (const [field, i] of index) cells[field] = row.cells[i] ?? '';
      const parsed = parseProcedureRow(cells, file, row.line);
      issues.push(...parsed.issues);
      if (!parsed.procedure) continue;
      const earlier = seen.get(parsed.procedure.code);
      if (earlier !== undefined) {
        issues.push({ file, row: row.line, column: PROCEDURE_HEADERS.code, message: `mã thủ tục "${parsed.procedure.code}" trùng với dòng ${earlier}.` });
        continue;
      }
      seen.set(parsed.procedure.code, row.line);
      rows.push(parsed.procedure);
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
    throw error;
  } finally {
    await table.close();
  }
  if (issues.length > 0) throw new ImportRejectedError(issues);
  const result: ImportProceduresResult = { file, rows: rows.length, inserted: 0, updated: 0, unchanged: 0 };
  await store.transaction(async (repos) => {
    for (const procedure of rows) result[await repos.procedures.upsert(procedure)] += 1;
    await repos.audit.record({ userId: null, action: 'procedures.import', subject: file, details: { ...result } });
  });
  return result;
}
