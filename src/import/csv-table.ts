import { parse } from 'csv-parse/sync';
import { duplicateHeaderMessage, duplicatesOf } from '../domain/import/header-row';
import { ImportRejectedError } from '../domain/import/import-issue';
import { normalizeForSearch } from '../domain/text/normalize-for-search';
import { csvDialect, csvParseError, csvParseOptions } from './csv-dialect';
import { checkHeaders, checkRowCells, DEFAULT_TABULAR_LIMITS, type TabularLimits } from './tabular-limits';
import { UnreadableFileError } from './unreadable-file-error';

export interface CsvTable {
  /** Headers as written in the file. */
  headers: string[];
  /** The line of the header (2 after Excel's `sep=;` line). */
  headerLine: number;
  /** Data records with their 1-based line number in the file. */
  records: Array<{ line: number; cells: string[] }>;
}

/**
 * Parses decoded CSV text (comma/semicolon/tab, Excel's `sep=` line) into a header row and located
 * records, within the bounds of `limits`; every problem is an ImportRejectedError naming the line.
 */
export function readCsvTable(text: string, file: string, limitsOverride: Partial<TabularLimits> = {}): CsvTable {
  const limits = { ...DEFAULT_TABULAR_LIMITS, ...limitsOverride };
  try {
    const dialect = csvDialect(text);
    let rows: Array<{ record: string[]; info: { lines: number } }>;
    try {
      rows = parse(text, csvParseOptions(dialect)) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    } catch (error) {
      throw csvParseError(error);
    }
    const [header, ...data] = rows;
    if (!header) throw new UnreadableFileError('tệp rỗng, không có dòng tiêu đề.');
    const headers = header.record.map((h) => h.replace(/^\uFEFF+/, '').trim());
    checkHeaders(headers, header.info.lines, limits);
    const records = data
      .filter((row) => row.record.some((cell) => cell.trim() !== ''))
      .map((row) => ({ line: row.info.lines - newlinesIn(row.record), cells: row.record }));
    if (records.length > limits.maxRows) {
      throw new UnreadableFileError(`tệp có ${records.length.toLocaleString('vi-VN')} dòng dữ liệu, tối đa ${limits.maxRows.toLocaleString('vi-VN')}.`);
    }
    for (const record of records) checkRowCells(record.cells, record.line, headers, limits);
    return { headers, headerLine: header.info.lines, records };
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
    throw error;
  }
}

function newlinesIn(cells: string[]): number {
  let count = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) count += 1;
  return count;
}

/**
 * Finds each wanted column by its header, ignoring case and diacritics. A wanted header written in
 * two columns is refused: which one holds the data cannot be known.
 */
export function locateColumns<K extends string>(
  headers: string[],
  wanted: Record<K, string>,
  where: { file: string; headerLine: number },
): { index: Partial<Record<K, number>>; missing: K[] } {
  const folded = headers.map(normalizeForSearch);
  const index: Partial<Record<K, number>> = {};
  const missing: K[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const position = folded.indexOf(normalizeForSearch(wanted[key]));
    if (position >= 0) index[key] = position;
    else missing.push(key);
  }
  const duplicates = duplicatesOf(headers, Object.values(index) as number[]);
  if (duplicates.length > 0) {
    throw new ImportRejectedError(
      duplicates.map((d) => ({ file: where.file, row: where.headerLine, column: d.header, message: duplicateHeaderMessage(d, headers) })),
    );
  }
  return { index, missing };
}
