import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { detectDelimiter } from './csv-table';

/** One data row of a spreadsheet-like file, with its 1-based line (the header is line 1). */
export interface TabularRow {
  line: number;
  cells: string[];
}

export interface TabularStream {
  headers: string[];
  rows: AsyncIterable<TabularRow>;
}

export class UnreadableFileError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel stores local date-times without a zone; exceljs hands them over as UTC fields.
    const p = (n: number) => String(n).padStart(2, '0');
    const date = `${p(value.getUTCDate())}/${p(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
    const hasTime = value.getUTCHours() !== 0 || value.getUTCMinutes() !== 0;
    return hasTime ? `${date} ${p(value.getUTCHours())}:${p(value.getUTCMinutes())}` : date;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

function firstChunk(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function* csvRows(path: string): AsyncGenerator<TabularRow> {
  const delimiter = detectDelimiter(firstChunk(path).replace(/^\uFEFF/, ''));
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, delimiter, info: true }),
  );
  for await (const entry of parser) {
    const { record, info } = entry as { record: string[]; info: { lines: number } };
    yield { line: info.lines, cells: record };
  }
}

async function* xlsxRows(path: string): AsyncGenerator<TabularRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache' });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      yield { line: row.number, cells: values.slice(1).map(cellText) };
    }
    return; // the first sheet only
  }
}

/**
 * Streams a CSV (UTF-8, comma/semicolon/tab) or XLSX file row by row: a file of a million rows
 * never sits whole in memory.
 */
export async function openTabular(path: string): Promise<TabularStream> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx' && extension !== '.txt') {
    throw new UnreadableFileError('chỉ nhận tệp .csv hoặc .xlsx.');
  }
  const source = extension === '.xlsx' ? xlsxRows(path) : csvRows(path);
  const iterator = source[Symbol.asyncIterator]();
  let first: IteratorResult<TabularRow>;
  try {
    first = await iterator.next();
  } catch (error) {
    throw new UnreadableFileError(`không đọc được tệp (${(error as Error).message}).`);
  }
  if (first.done) throw new UnreadableFileError('tệp rỗng, không có dòng tiêu đề.');
  const headers = first.value.cells.map((h) => h.trim());
  async function* rows(): AsyncGenerator<TabularRow> {
    let line = first.value.line;
    while (true) {
      let next: IteratorResult<TabularRow>;
      try {
        next = await iterator.next();
      } catch (error) {
        throw new UnreadableFileError(`không đọc được tệp sau dòng ${line} (${(error as Error).message}).`);
      }
      if (next.done) return;
      line = next.value.line;
      if (next.value.cells.every((cell) => cell.trim() === '')) continue;
      yield next.value;
    }
  }
  return { headers, rows: rows() };
}
