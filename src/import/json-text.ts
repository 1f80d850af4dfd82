import { readFileSync, statSync } from 'node:fs';
import { ImportRejectedError } from '../domain/import/import-issue';
import { decodeTextFile } from './text-decoding';
import { UnreadableFileError } from './unreadable-file-error';

export interface JsonLimits {
  /** Nesting of arrays and objects: deeper is refused before anything walks it recursively. */
  maxDepth: number;
  /** Size of the file in bytes. */
  maxBytes: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 32, maxBytes: 10 * 1024 * 1024 };

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;

function charName(c: string): string {
  if (c === '\n' || c === '\r') return 'dấu xuống dòng';
  if (c.charCodeAt(0) < 0x20) return `ký tự điều khiển (mã ${c.charCodeAt(0)})`;
  return `"${c}"`;
}

/**
 * Checks JSON text in one pass without recursion, so a syntax error is told in Vietnamese with
 * its line and position (JSON.parse only says it in English) and a nesting deeper than
 * `maxDepth`, a NUL character or a number too large for a double is refused before parsing.
 */
export function checkJsonText(text: string, maxDepth: number): void {
  const stack: Array<'[' | '{'> = [];
  let state: State = 'value';
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const fail: (message: string, at?: number) => never = (message, at = i) => {
    throw new UnreadableFileError(`JSON không hợp lệ ở vị trí ${at - lineStart + 1}: ${message}`, { row: line });
  };
  const afterValue = () => {
    state = stack.length > 0 ? 'commaOrClose' : 'end';
  };
  const open = (bracket: '[' | '{') => {
    stack.push(bracket);
    if (stack.length > maxDepth) fail(`lồng nhau quá ${maxDepth} cấp.`);
    state = bracket === '[' ? 'valueOrClose' : 'keyOrClose';
    i += 1;
  };
  const close = () => {
    stack.pop();
    i += 1;
    afterValue();
  };
  const string = () => {
    let j = i + 1;
    while (true) {
      if (j >= text.length) fail('chuỗi mở bằng dấu ngoặc kép nhưng không đóng đến hết tệp.');
      const c = text.charCodeAt(j);
      if (c === 0x22) break;
      if (c < 0x20) fail(`chuỗi chứa ${charName(text[j]!)} (có thể thiếu dấu ngoặc kép đóng).`, j);
      if (c === 0x5c) {
        const escape = text[j + 1];
        if (escape === 'u') {
          const hex = text.slice(j + 2, j + 6);
          if (!HEX4.test(hex)) fail('mã \\u phải có đúng 4 chữ số hệ 16.', j);
          if (hex === '0000') fail('chuỗi chứa ký tự NUL (\\u0000).', j);
          j += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) fail(`ký tự thoát "\\${escape ?? ''}" không hợp lệ.`, j);
        j += 2;
        continue;
      }
      j += 1;
    }
    i = j + 1;
  };
  const literal = () => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) fail(`gặp ${charName(text[i]!)} ở chỗ cần một giá trị.`);
    if (!Number.isFinite(Number(match[0]))) fail(`số ${match[0].slice(0, 30)} quá lớn.`);
    i += match[0].length;
  };

  while (true) {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        line += 1;
        lineStart = i + 1;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
      i += 1;
    }
    if (i >= text.length) {
      if ((state as State) === 'end') return;
      fail(stack.length > 0 ? `tệp kết thúc khi còn thiếu ${stack.length} dấu đóng ${[...stack].reverse().map((b) => (b === '[' ? ']' : '}')).join(' ')}.` : 'tệp rỗng hoặc kết thúc giữa chừng.');
    }
    const c = text[i]!;
    switch (state as State) {
      case 'value':
      case 'valueOrClose':
        if (c === ']' && (state as State) === 'valueOrClose') close();
        else if (c === '{' || c === '[') open(c);
        else if (c === '"') {
          string();
          afterValue();
        } else {
          literal();
          afterValue();
        }
        break;
      case 'key':
      case 'keyOrClose':
        if (c === '}' && (state as State) === 'keyOrClose') close();
        else if (c === '"') {
          string();
          state = 'colon';
        } else fail(`gặp ${charName(c)} ở chỗ cần tên trường trong dấu ngoặc kép${(state as State) === 'key' ? ' (dấu phẩy thừa?)' : ''}.`);
        break;
      case 'colon':
        if (c !== ':') fail(`gặp ${charName(c)} ở chỗ cần dấu hai chấm sau tên trường.`);
        i += 1;
        state = 'value';
        break;
      case 'commaOrClose': {
        const closer = stack[stack.length - 1] === '[' ? ']' : '}';
        if (c === ',') {
          i += 1;
          state = closer === ']' ? 'value' : 'key';
        } else if (c === closer) close();
        else fail(`gặp ${charName(c)} ở chỗ cần dấu phẩy hoặc dấu đóng ${closer}.`);
        break;
      }
      case 'end':
        fail(`có nội dung thừa (${charName(c)}) sau khi giá trị JSON đã kết thúc.`);
    }
  }
}

/** Parses JSON text after checking it; problems are located in `file`. */
export function parseJsonText(text: string, file: string, limits: Partial<JsonLimits> = {}): unknown {
  const { maxDepth } = { ...DEFAULT_JSON_LIMITS, ...limits };
  try {
    checkJsonText(text, maxDepth);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
    throw error;
  }
  return JSON.parse(text);
}

/** Reads a JSON file: bounded size, any supported encoding (UTF-8 with or without BOM, UTF-16), checked, parsed. */
export function readJsonFile(path: string, file = path, limits: Partial<JsonLimits> = {}): unknown {
  return parseJsonText(readTextFile(path, file, limits.maxBytes ?? DEFAULT_JSON_LIMITS.maxBytes, 'tệp JSON'), file, limits);
}

/** Reads and decodes a whole text file of at most `maxBytes`; refusals name the file. */
export function readTextFile(path: string, file: string, maxBytes: number, what = 'tệp'): string {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > maxBytes) {
      throw new ImportRejectedError([{ file, message: `tệp nặng ${(size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB, tối đa ${maxBytes / 1024 / 1024} MB.` }]);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ImportRejectedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là một thư mục' : code === 'EACCES' ? 'không có quyền đọc' : 'lỗi đọc đĩa';
    throw new ImportRejectedError([{ file, message: `không đọc được ${what} (${why}).` }]);
  }
  try {
    return decodeTextFile(bytes).text;
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new ImportRejectedError([error.issueFor(file)]);
    throw error;
  }
}
