import { parse } from 'csv-parse/sync';
import { ImportRejectedError } from '../domain/import/import-issue';
import { normalizeForSearch } from '../domain/text/normalize-for-search';

export interface CsvTable {
  /** Headers as written in the file. */
  headers: string[];
  /** Data records with their 1-based line number in the file. */
  records: Array<{ line: number; cells: string[] }>;
}

/** Picks the delimiter the header line uses most: comma, semicolon (Excel in vi-VN) or tab. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.d;
}

/** Parses CSV text (UTF-8, optional BOM, comma/semicolon/tab) into a header row and located records. */
export function readCsvTable(text: string, file: string): CsvTable {
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportRejectedError([
      { file, ...(line ? { row: line } : {}), message: `không đọc được tệp CSV (${(error as Error).message}).` },
    ]);
  }
  const [header, ...data] = rows;
  if (!header) throw new ImportRejectedError([{ file, message: 'tệp rỗng, không có dòng tiêu đề.' }]);
  return {
    headers: header.record,
    records: data
      .filter((row) => row.record.some((cell) => cell !== ''))
      .map((row) => ({ line: row.info.lines, cells: row.record })),
  };
}

/** Finds each wanted column by its header, ignoring case and diacritics. */
export function locateColumns<K extends string>(
  headers: string[],
  wanted: Record<K, string>,
): { index: Partial<Record<K, number>>; missing: K[] } {
  const folded = headers.map(normalizeForSearch);
  const index: Partial<Record<K, number>> = {};
  const missing: K[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const position = folded.indexOf(normalizeForSearch(wanted[key]));
    if (position >= 0) index[key] = position;
    else missing.push(key);
  }
  return { index, missing };
}
