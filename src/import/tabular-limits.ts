import { columnLetter } from '../domain/import/header-row';
import { MAX_CELL_CHARS } from '../domain/import/input-bounds';
import { UnreadableFileError } from './unreadable-file-error';

/** Bounds of a spreadsheet-like file as a whole (docs/import-files.md). */
export interface TabularLimits {
  /** Data rows (the header excluded). */
  maxRows: number;
  /** Cells of one row, the header included. */
  maxColumns: number;
  /** Characters of one header. */
  maxHeaderChars: number;
}

export const DEFAULT_TABULAR_LIMITS: TabularLimits = {
  maxRows: 5_000_000,
  maxColumns: 1_000,
  maxHeaderChars: 200,
};

/** The column a cell is in, as the user sees it: its header, or its letter when the header is blank. */
export function columnName(headers: readonly string[], index: number): string {
  const header = headers[index]?.trim();
  // eslint-disable-next-line no-control-regex
  if (!header || header.length > 200 || /[\u0000-\u001f]/.test(header)) return `cột ${columnLetter(index)}`;
  return header;
}

/**
 * Checks every cell of a row: no NUL byte (a binary or UTF-16 file read as text), no cell longer
 * than Excel allows, no more columns than the bound. The whole file is refused on the first one.
 */
export function checkRowCells(cells: readonly string[], line: number, headers: readonly string[], limits: TabularLimits): void {
  if (cells.length > limits.maxColumns) {
    throw new UnreadableFileError(`dòng có ${cells.length.toLocaleString('vi-VN')} ô, tối đa ${limits.maxColumns.toLocaleString('vi-VN')} cột.`, { row: line });
  }
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i]!;
    if (cell.length > MAX_CELL_CHARS) {
      throw new UnreadableFileError(
        `ô dài ${cell.length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${MAX_CELL_CHARS.toLocaleString('vi-VN')} ký tự của một ô bảng tính.`,
        { row: line, column: columnName(headers, i) },
      );
    }
    if (cell.includes('\u0000')) {
      throw new UnreadableFileError('ô có ký tự NUL (byte 0): tệp bị hỏng hoặc không phải văn bản; không có dữ liệu nào được ghi.', {
        row: line,
        column: columnName(headers, i),
      });
    }
  }
}

/** Checks the header row itself. */
export function checkHeaders(headers: readonly string[], line: number, limits: TabularLimits): void {
  checkRowCells(headers, line, headers, limits);
  headers.forEach((header, i) => {
    if (header.length > limits.maxHeaderChars) {
      throw new UnreadableFileError(`tên cột dài ${header.length.toLocaleString('vi-VN')} ký tự, tối đa ${limits.maxHeaderChars}: dòng ${line} không phải dòng tiêu đề.`, {
        row: line,
        column: `cột ${columnLetter(i)}`,
      });
    }
  });
}
