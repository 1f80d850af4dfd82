import { shownValue } from '../domain/import/input-bounds';
import { UnreadableFileError } from './unreadable-file-error';

/** How a CSV file is written: its delimiter, and the line of its header (2 after Excel's `sep=;` line). */
export interface CsvDialect {
  delimiter: string;
  headerLine: number;
}

/** The longest record (one row, all its cells) accepted, in characters. */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

const SEP_DELIMITERS = new Set([',', ';', '\t', '|']);

/** Picks the delimiter a header line uses most: comma, semicolon (Excel in vi-VN) or tab. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.d;
}

/**
 * Reads the dialect from the start of the text. Excel writes `sep=;` (or `sep=,`) as a first line
 * to name the delimiter; it is honoured and the header is the next line.
 */
export function csvDialect(start: string): CsvDialect {
  const text = start.replace(/^\uFEFF/, '');
  const sep = /^sep=(.*?)\r?(?:\n|$)/i.exec(text);
  if (sep) {
    const delimiter = sep[1] === '\\t' ? '\t' : sep[1]!;
    if (!SEP_DELIMITERS.has(delimiter)) {
      throw new UnreadableFileError(`dòng "sep=${shownValue(sep[1]!, 10)}" khai báo dấu phân cách không hỗ trợ (dùng sep=, sep=; hoặc sep=|).`, { row: 1 });
    }
    return { delimiter, headerLine: 2 };
  }
  return { delimiter: detectDelimiter(text), headerLine: 1 };
}

/** The options of csv-parse every reader uses. */
export function csvParseOptions(dialect: CsvDialect) {
  return {
    bom: true,
    delimiter: dialect.delimiter,
    from_line: dialect.headerLine,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: MAX_CSV_RECORD_CHARS,
  } as const;
}

/** csv-parse's English errors, in Vietnamese with their line. */
export function csvParseError(error: unknown): UnreadableFileError {
  const { code, lines } = error as { code?: string; lines?: number };
  const where = lines ? { row: lines } : {};
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new UnreadableFileError(`có dấu ngoặc kép (") mở mà không đóng đến hết tệp.`, where);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new UnreadableFileError(`sau dấu ngoặc kép (") đóng một ô phải là dấu phân cách hoặc hết dòng; ô có dấu ngoặc kép bên trong phải viết "" (hai dấu).`, where);
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return new UnreadableFileError(`dấu ngoặc kép (") nằm giữa một ô không được bao bằng ngoặc kép.`, where);
    case 'CSV_MAX_RECORD_SIZE':
      return new UnreadableFileError(`một dòng dài hơn ${MAX_CSV_RECORD_CHARS.toLocaleString('vi-VN')} ký tự (có thể do thiếu dấu ngoặc kép đóng).`, where);
    default:
      return new UnreadableFileError(`tệp CSV không đúng cấu trúc.`, where);
  }
}
