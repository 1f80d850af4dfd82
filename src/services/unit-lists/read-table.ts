import { duplicateHeaderMessage, duplicatesOf } from '../../domain/import/header-row';
import { ImportRejectedError, type ImportIssue } from '../../domain/import/import-issue';
import { normalizeForSearch } from '../../domain/text/normalize-for-search';
import { openTabular, UnreadableFileError } from '../../import/tabular-stream';

/**
 * Reads a CSV/XLSX list whose columns are known by their headers (any order, case and diacritics
 * ignored): refuses a duplicated or missing required column, hands every data row's cells by key.
 * The same rules and messages as the other imports.
 */
export async function readKeyedTable<K extends string>(
  path: string,
  file: string,
  headers: Record<K, string>,
  required: K[],
  maxRows: number,
  onRow: (cells: Partial<Record<K, string>>, line: number) => void,
): Promise<void> {
  let table;
  try {
    table = await openTabular(path, { maxRows });
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
    throw error;
  }
  try {
    const folded = table.headers.map(normalizeForSearch);
    const index = new Map<K, number>();
    for (const [key, header] of Object.entries(headers) as Array<[K, string]>) {
      const i = folded.indexOf(normalizeForSearch(header));
      if (i >= 0) index.set(key, i);
    }
    const row = table.headerLine;
    const duplicates = duplicatesOf(table.headers, [...index.values()]);
    if (duplicates.length > 0) {
      throw new ImportRejectedError(duplicates.map((d) => ({ file, row, column: d.header, message: duplicateHeaderMessage(d, table.headers) })));
    }
    const missing = required.filter((f) => !index.has(f));
    if (missing.length > 0) {
      throw new ImportRejectedError(missing.map((f): ImportIssue => ({ file, row, column: headers[f], message: 'thiếu cột này trong dòng tiêu đề.' })));
    }
    for await (const line of table.rows) {
      const cells: Partial<Record<K, string>> = {};
      for (const [key, i] of index) cells[key] = line.cells[i] ?? '';
      onRow(cells, line.line);
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
    throw error;
  } finally {
    await table.close();
  }
}
