import { describe, expect, it } from 'vitest';
import { utf16be, utf16le, windows1252, windows1258 } from './testing/encodings';
import { decodeTextFile, firstInvalidUtf8, sniffEncoding, TextFileDecoder } from './text-decoding';
import { UnreadableFileError } from './unreadable-file-error';

const TEXT = 'Mã hồ sơ,Kênh tiếp nhận\r\nH19-0001,Trực tuyến\r\nH19-0002,Bưu chính công ích\r\n';

function refusal(work: () => unknown): UnreadableFileError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFileError);
    return error as UnreadableFileError;
  }
  throw new Error('not refused');
}

describe('decodeTextFile', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16le(TEXT), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16be(TEXT), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16le(TEXT, false), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16be(TEXT, false), 'utf-16be'],
    ['Windows-1258 (tones as combining marks)', windows1258(TEXT), 'windows-1258'],
  ])('reads %s back to the same text', (_name, bytes, encoding) => {
    expect(decodeTextFile(bytes)).toEqual({ text: TEXT, encoding });
  });

  it('refuses Windows-1252, where Vietnamese letters were lost to "?", saying how to save as UTF-8', () => {
    const error = refusal(() => decodeTextFile(windows1252(TEXT)));
    expect(error.message).toMatch(/Windows-1252 \(Tây Âu\).*dấu "\?".*CSV UTF-8/);
  });

  it('refuses a byte that is not UTF-8 with its line, instead of storing U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('Mã,Tên\r\n1,Xã A\r\n2,Xã '), Buffer.from([0xff]), Buffer.from('B\r\n')]);
    const error = refusal(() => decodeTextFile(bytes));
    expect(error.where.row).toBe(3);
    expect(error.message).toMatch(/byte không hợp lệ trong bảng mã UTF-8 \("2,Xã �B"\)/);
  });

  it('names binary files for what they are', () => {
    expect(refusal(() => decodeTextFile(Buffer.from('%PDF-1.7'))).message).toMatch(/tệp PDF/);
    expect(refusal(() => decodeTextFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).message).toMatch(/ZIP/);
  });
});

describe('TextFileDecoder', () => {
  it('never cuts a character or a tone mark at a chunk boundary, and counts lines across chunks', () => {
    for (const [bytes, encoding] of [
      [Buffer.from(TEXT.repeat(50)), 'utf-8'],
      [utf16be(TEXT.repeat(50)), 'utf-16be'],
      [windows1258(TEXT.repeat(50)), 'windows-1258'],
    ] as const) {
      for (const size of [1, 2, 3, 7, 64]) {
        const decoder = new TextFileDecoder(sniffEncoding(bytes.subarray(0, 4096), false));
        let text = '';
        for (let i = 0; i < bytes.length; i += size) text += decoder.push(bytes.subarray(i, i + size));
        text += decoder.push(new Uint8Array(0), true);
        expect(text, `${encoding} in chunks of ${size}`).toBe(TEXT.repeat(50));
      }
    }
  });

  it('locates a bad byte far into a streamed file', () => {
    const good = Buffer.from('Mã,Tên\n'.concat('1,Xã A\n'.repeat(999)));
    const decoder = new TextFileDecoder(sniffEncoding(good, false));
    decoder.push(good);
    const error = refusal(() => decoder.push(Buffer.from([0x32, 0x2c, 0xc3, 0x28, 0x0a])));
    expect(error.where.row).toBe(1001);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds overlong forms, surrogates and stray continuation bytes; a cut sequence only at the real end', () => {
    expect(firstInvalidUtf8(Buffer.from('Tiếng Việt'), true)).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0xaf]), true)).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]), true)).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x80]), true)).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe1, 0xbb]), false)).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe1, 0xbb]), true)).toBe(1);
  });
});
