import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { csvDialect, csvParseError, csvParseOptions, type CsvDialect } from './csv-dialect';
import { checkHeaders, checkRowCells, DEFAULT_TABULAR_LIMITS, type TabularLimits } from './tabular-limits';
import { SNIFF_BYTES, sniffEncoding, TextFileDecoder, type TextEncoding } from './text-decoding';
import { UnreadableFileError } from './unreadable-file-error';
import { assertSafeXlsx } from './xlsx-guard';

export { UnreadableFileError } from './unreadable-file-error';

/** One data row of a spreadsheet-like file, with its 1-based line (the header is line 1). */
export interface TabularRow {
  line: number;
  cells: string[];
}

export interface TabularStream {
  headers: string[];
  /** The line of the header: 1, or 2 after Excel's `sep=;` line. */
  headerLine: number;
  /** What the file was decoded from (CSV); null for XLSX. */
  encoding: TextEncoding | null;
  rows: AsyncIterable<TabularRow>;
  /** Releases the file when the rows are not read to the end (a refused header, an error). */
  close(): Promise<void>;
}

/** Excel's last row: an XLSX row beyond it was not written by a spreadsheet. */
const XLSX_MAX_ROW = 1_048_576;

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    // Excel stores local date-times without a zone; exceljs hands them over as UTC fields.
    const p = (n: number) => String(n).padStart(2, '0');
    const date = `${p(value.getUTCDate())}/${p(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
    const hasTime = value.getUTCHours() !== 0 || value.getUTCMinutes() !== 0;
    return hasTime ? `${date} ${p(value.getUTCHours())}:${p(value.getUTCMinutes())}` : date;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return (value.richText ?? []).map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

function readHead(path: string): { head: Buffer; complete: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, length), complete: fstatSync(fd).size <= SNIFF_BYTES };
  } finally {
    closeSync(fd);
  }
}

async function* utf8Pieces(path: string, decoder: TextFileDecoder): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path)) {
    const piece = decoder.pushUtf8(chunk as Buffer);
    if (piece.length > 0) yield piece;
  }
  const last = decoder.pushUtf8(new Uint8Array(0), true);
  if (last.length > 0) yield last;
}

/** The first line of a record: csv-parse tells the last one, and a quoted cell may span lines. */
function startLine(endLine: number, cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks += 1;
  return endLine - breaks;
}

async function openCsv(path: string): Promise<{ dialect: CsvDialect; encoding: TextEncoding; rows: AsyncGenerator<TabularRow>; close(): void }> {
  const { head, complete } = readHead(path);
  const sniffed = sniffEncoding(head, complete);
  // csv-parse reads bytes: the file goes to it as checked UTF-8, never as strings made twice.
  const pieces = utf8Pieces(path, new TextFileDecoder(sniffed));
  const first = await pieces.next();
  const start = first.done ? Buffer.alloc(0) : first.value;
  const dialect = csvDialect(start.subarray(0, 64 * 1024).toString('utf8'));
  async function* text(): AsyncGenerator<Buffer> {
    if (start.length > 0) yield start;
    yield* pieces;
  }
  const parser = parse(csvParseOptions(dialect));
  pipeline(Readable.from(text()), parser, () => undefined);
  async function* rows(): AsyncGenerator<TabularRow> {
    try {
      for await (const entry of parser) {
        const { record, info } = entry as { record: string[]; info: { lines: number } };
        yield { line: startLine(info.lines, record), cells: record };
      }
    } catch (error) {
      if (error instanceof UnreadableFileError) throw error;
      throw csvParseError(error);
    }
  }
  return { dialect, encoding: sniffed.encoding, rows: rows(), close: () => parser.destroy() };
}

async function* xlsxRows(path: string): AsyncGenerator<TabularRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache' });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      if (row.number > XLSX_MAX_ROW) throw new UnreadableFileError(`trang tính có dòng số ${row.number.toLocaleString('vi-VN')}, quá số dòng tối đa của Excel.`);
      const values = row.values as ExcelJS.CellValue[];
      // Array.from, not map: a sheet row is a sparse array and map would keep its holes.
      yield { line: row.number, cells: Array.from(values.slice(1), cellText) };
    }
    return; // the first sheet only
  }
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell !== '' && cell.trim() !== '') return false;
  return true;
}

const XLSX_BROKEN = 'nội dung tệp XLSX bị hỏng hoặc không phải bảng tính Excel: hãy mở bằng Excel và lưu lại thành .xlsx.';

/**
 * Streams a CSV (UTF-8 with or without BOM, UTF-16, Windows-1258; comma/semicolon/tab; Excel's
 * `sep=` line) or XLSX file row by row: a file of a million rows never sits whole in memory.
 * Every problem with the file as a whole is an UnreadableFileError in Vietnamese, with its line
 * and column where it has one: bad bytes, NUL bytes, over-long cells, zip bombs, too many rows.
 */
export async function openTabular(path: string, limitsOverride: Partial<TabularLimits> = {}): Promise<TabularStream> {
  const limits = { ...DEFAULT_TABULAR_LIMITS, ...limitsOverride };
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx' && extension !== '.txt') {
    throw new UnreadableFileError('chỉ nhận tệp .csv hoặc .xlsx.');
  }
  let source: AsyncGenerator<TabularRow>;
  let release = async (): Promise<void> => {
    await source.return(undefined);
  };
  let headerLine = 1;
  let encoding: TextEncoding | null = null;
  try {
    if (extension === '.xlsx') {
      await assertSafeXlsx(path);
      source = xlsxRows(path);
    } else {
      const csv = await openCsv(path);
      source = csv.rows;
      release = async () => csv.close();
      headerLine = csv.dialect.headerLine;
      encoding = csv.encoding;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UnreadableFileError('không đọc được tệp (không tìm thấy tệp).');
    throw new UnreadableFileError('không đọc được tệp.');
  }
  const broken = extension === '.xlsx' ? XLSX_BROKEN : 'không đọc được tệp.';
  const next = async (after: number): Promise<IteratorResult<TabularRow>> => {
    try {
      return await source.next();
    } catch (error) {
      if (error instanceof UnreadableFileError) throw error;
      throw new UnreadableFileError(broken, after > 0 ? { row: after + 1 } : {});
    }
  };
  let headers: string[];
  try {
    const first = await next(0);
    if (first.done) throw new UnreadableFileError('tệp rỗng, không có dòng tiêu đề.');
    headerLine = first.value.line;
    headers = first.value.cells.map((h) => h.replace(/^\uFEFF+/, '').trim());
    checkHeaders(headers, headerLine, limits);
  } catch (error) {
    await release().catch(() => undefined);
    throw error;
  }
  async function* rows(): AsyncGenerator<TabularRow> {
    let line = headerLine;
    let count = 0;
    try {
      while (true) {
        // source.next() is awaited here, not through a helper: one promise less per row of a million.
        let result: IteratorResult<TabularRow>;
        try {
          result = await source.next();
        } catch (error) {
          if (error instanceof UnreadableFileError) throw error;
          throw new UnreadableFileError(broken, { row: line + 1 });
        }
        if (result.done) return;
        line = result.value.line;
        const cells = result.value.cells;
        if (isBlank(cells)) continue;
        checkRowCells(cells, line, headers, limits);
        count += 1;
        if (count > limits.maxRows) {
          throw new UnreadableFileError(`tệp có hơn ${limits.maxRows.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp.`, { row: line });
        }
        yield result.value;
      }
    } finally {
      await release().catch(() => undefined);
    }
  }
  return { headers, headerLine, encoding, rows: rows(), close: () => release().catch(() => undefined) };
}
