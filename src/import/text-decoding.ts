import { isUtf8 } from 'node:buffer';
import { UnreadableFileError } from './unreadable-file-error';

/**
 * Text encodings of the files people really send: Excel's "CSV UTF-8" (with a BOM), plain UTF-8,
 * "Unicode Text" (UTF-16, with or without a BOM) and Excel's "CSV" on a Vietnamese Windows
 * (Windows-1258, whose tones are combining marks). Anything else is refused with what was found
 * and how to save the file as UTF-8: guessing would store wrong names.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1258': 'Windows-1258',
};

export interface SniffedEncoding {
  encoding: TextEncoding;
  /** Bytes of the byte order mark to skip. */
  bom: number;
}

/** How to fix any encoding problem, in the words of Excel's menu. */
export const SAVE_AS_UTF8 = 'Hãy mở tệp bằng Excel, chọn Lưu thành, chọn kiểu tệp "CSV UTF-8" rồi nhập lại tệp vừa lưu.';

/** Bytes looked at to decide the encoding. */
export const SNIFF_BYTES = 64 * 1024;

/** The longest physical line accepted (bounds memory on a file without line breaks). */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;

/** Offset of the first byte that breaks UTF-8, or -1; a sequence cut by the end counts as valid unless `complete`. */
export function firstInvalidUtf8(bytes: Uint8Array, complete: boolean): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined) return complete ? i : -1;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function signatureOf(head: Uint8Array): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'một tệp nén ZIP (có thể là tệp .xlsx hoặc .docx bị đặt nhầm đuôi)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'một tệp Excel 97–2003 (.xls) hoặc Word cũ; hãy mở bằng Excel và lưu thành .xlsx hoặc CSV UTF-8';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'một tệp PDF';
  if (starts(0xff, 0xfe, 0x00, 0x00) || starts(0x00, 0x00, 0xfe, 0xff)) return 'văn bản mã UTF-32, không được hỗ trợ';
  return null;
}

function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) evenZeros += 1;
    if (head[2 * i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros / pairs > 0.3 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.3 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Line (1-based) of a byte offset in single-byte-newline text. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === NEWLINE) line += 1;
  return line;
}

/** The text of one line around a position, shortened, for a message. */
function excerpt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const endLine = text.indexOf('\n', index);
  const line = text.slice(start, endLine < 0 ? undefined : endLine).replace(/\r$/, '');
  const at = index - start;
  const from = Math.max(0, at - 30);
  return `${from > 0 ? '…' : ''}${line.slice(from, at + 30)}${at + 30 < line.length ? '…' : ''}`;
}

const COMBINING_1258 = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);
const VIETNAMESE_LOWER = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz';
const VIETNAMESE_LETTERS = new Set([...VIETNAMESE_LOWER, ...VIETNAMESE_LOWER.toUpperCase()]);

/** Text that reads as Vietnamese: every letter is one of its alphabet, none lost to "?". */
function readsAsVietnamese(text: string): boolean {
  if (/\p{L}\?|\?\p{L}/u.test(text)) return false;
  for (const char of text) if (/\p{L}/u.test(char) && !VIETNAMESE_LETTERS.has(char)) return false;
  return !/[\u0300-\u036f]/.test(text);
}
const decode1258 = new TextDecoder('windows-1258');
const decode1252 = new TextDecoder('windows-1252');
const decodeLenient = new TextDecoder('utf-8');

/** The refusal of a byte that does not belong to the encoding, with its line and the text around it. */
function invalidByteError(encoding: TextEncoding, lenient: string, index: number, firstLine: number): UnreadableFileError {
  const line = firstLine + countNewlines(lenient, Math.max(0, index));
  return new UnreadableFileError(
    `có byte không hợp lệ trong bảng mã ${ENCODING_LABELS[encoding]} ("${excerpt(lenient, Math.max(0, index))}"): tệp bị hỏng hoặc được lưu bằng nhiều bảng mã. ${SAVE_AS_UTF8}`,
    { row: line },
  );
}

/** A file that is not UTF-8: Windows-1258 when its tone marks compose into Vietnamese letters, else refused. */
function legacyEncoding(head: Uint8Array, invalidAt: number): TextEncoding {
  const before = decodeLenient.decode(head.subarray(0, invalidAt));
  // Letters written in UTF-8 before the bad byte: a damaged UTF-8 file, not another code page.
  if (/[^\t\n\r\u0020-\u007f]/.test(before)) throw invalidByteError('utf-8', decodeLenient.decode(head), before.length, 1);
  const as1258 = decode1258.decode(head);
  const as1252 = decode1252.decode(head);
  const composed = as1258.normalize('NFC');
  const marks = head.reduce((n, b) => n + (COMBINING_1258.has(b) ? 1 : 0), 0);
  if (as1258 === as1252) return 'windows-1258'; // only bytes both code pages read alike
  if (marks > 0 && readsAsVietnamese(composed)) return 'windows-1258';
  const line = lineAt(head, invalidAt);
  const shown = excerpt(decodeLenient.decode(head), decodeLenient.decode(head.subarray(0, invalidAt)).length);
  const lostLetters = /\p{L}\?|\?\p{L}/u.test(as1252);
  throw new UnreadableFileError(
    lostLetters
      ? `tệp không được lưu bằng UTF-8 mà có vẻ bằng bảng mã Windows-1252 (Tây Âu): các chữ tiếng Việt có dấu đã bị thay bằng dấu "?" và không khôi phục được ("${shown}"). ${SAVE_AS_UTF8}`
      : `tệp không được lưu bằng UTF-8 và không đọc được như bảng mã Windows-1258 (có thể là Windows-1252, TCVN3 hay VNI): "${shown}". ${SAVE_AS_UTF8}`,
    { row: line },
  );
}

/**
 * Decides the encoding from the first bytes of a file. `complete`: the head is the whole file,
 * so a character cut at its end is an error rather than the start of the next chunk.
 */
export function sniffEncoding(head: Uint8Array, complete: boolean): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  const signature = signatureOf(head);
  if (signature) throw new UnreadableFileError(`tệp không phải văn bản mà là ${signature}.`);
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bom: 0 };
  let zeros = 0;
  for (let i = 0; i < Math.min(head.length, 4096); i += 1) if (head[i] === 0) zeros += 1;
  if (zeros > 0 && zeros / Math.min(head.length, 4096) > 0.1) {
    throw new UnreadableFileError('tệp không phải văn bản (có nhiều byte 0): có thể là tệp nhị phân bị đặt nhầm đuôi. ' + SAVE_AS_UTF8);
  }
  const invalidAt = firstInvalidUtf8(head, complete);
  if (invalidAt < 0) return { encoding: 'utf-8', bom: 0 };
  return { encoding: legacyEncoding(head, invalidAt), bom: 0 };
}

/**
 * Decodes a file piece by piece, each piece ending at a line break so no character is ever cut:
 * a byte that does not belong to the encoding is reported with its exact line.
 */
export class TextFileDecoder {
  readonly #decoder: TextDecoder;
  readonly #newlineWidth: number;
  #rest: Buffer = Buffer.alloc(0);
  #line = 1;
  #skip: number;

  constructor(readonly sniffed: SniffedEncoding) {
    this.#decoder = new TextDecoder(sniffed.encoding, { fatal: true, ignoreBOM: true });
    this.#newlineWidth = sniffed.encoding.startsWith('utf-16') ? 2 : 1;
    this.#skip = sniffed.bom;
  }

  /** Decodes the complete lines of `chunk` (with what was left of the last one); pass `final` at the end. */
  push(chunk: Uint8Array, final = false): string {
    const piece = this.#take(chunk, final);
    return piece.length === 0 ? '' : this.#decode(piece);
  }

  /**
   * The same lines as UTF-8 bytes, for a parser that reads bytes: a UTF-8 file is only checked
   * (natively, without building strings), the others are decoded and encoded again.
   */
  pushUtf8(chunk: Uint8Array, final = false): Buffer {
    const piece = this.#take(chunk, final);
    if (piece.length === 0) return piece;
    if (this.sniffed.encoding !== 'utf-8') return Buffer.from(this.#decode(piece), 'utf8');
    if (!isUtf8(piece)) this.#decode(piece); // throws, located
    for (let i = piece.indexOf(NEWLINE); i >= 0; i = piece.indexOf(NEWLINE, i + 1)) this.#line += 1;
    return piece;
  }

  #take(chunk: Uint8Array, final: boolean): Buffer {
    let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#skip > 0) {
      const skipped = Math.min(this.#skip, bytes.length);
      bytes = bytes.subarray(skipped);
      this.#skip -= skipped;
    }
    if (this.#rest.length > 0) bytes = Buffer.concat([this.#rest, bytes]);
    const end = final ? bytes.length : this.#lastLineEnd(bytes);
    if (bytes.length - end > MAX_LINE_BYTES) {
      throw new UnreadableFileError(`dòng dài hơn ${MAX_LINE_BYTES / 1024 / 1024} MB: tệp không phải bảng dữ liệu hoặc bị hỏng.`, { row: this.#line });
    }
    // A copy, so the rest of a line never keeps a whole chunk alive.
    this.#rest = Buffer.from(bytes.subarray(end));
    return bytes.subarray(0, end);
  }

  #lastLineEnd(bytes: Buffer): number {
    if (this.#newlineWidth === 1) return bytes.lastIndexOf(NEWLINE) + 1;
    const little = this.sniffed.encoding === 'utf-16le';
    for (let i = bytes.length - 2 - (bytes.length % 2); i >= 0; i -= 2) {
      if (little ? bytes[i] === NEWLINE && bytes[i + 1] === 0 : bytes[i] === 0 && bytes[i + 1] === NEWLINE) return i + 2;
    }
    return 0;
  }

  #decode(piece: Uint8Array): string {
    let text: string;
    try {
      text = this.#decoder.decode(piece);
    } catch {
      const lenient = new TextDecoder(this.sniffed.encoding, { ignoreBOM: true }).decode(piece);
      throw invalidByteError(this.sniffed.encoding, lenient, lenient.indexOf('\uFFFD'), this.#line);
    }
    this.#line += countNewlines(text, text.length);
    return this.sniffed.encoding === 'windows-1258' ? text.normalize('NFC') : text;
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/** Decodes a whole file held in memory. */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES), bytes.length <= SNIFF_BYTES);
  return { text: new TextFileDecoder(sniffed).push(bytes, true), encoding: sniffed.encoding };
}
