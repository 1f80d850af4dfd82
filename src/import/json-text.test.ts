import { describe, expect, it } from 'vitest';
import { ImportRejectedError } from '../domain/import/import-issue';
import { checkJsonText, parseJsonText } from './json-text';
import { UnreadableFileError } from './unreadable-file-error';

function refusal(text: string, maxDepth = 32): UnreadableFileError {
  try {
    checkJsonText(text, maxDepth);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFileError);
    return error as UnreadableFileError;
  }
  throw new Error(`accepted: ${text.slice(0, 40)}`);
}

/** A random JSON value, to prove the checker accepts everything JSON.parse does. */
function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 4 ? 5 : 7));
  if (pick === 0) return null;
  if (pick === 1) return random() < 0.5;
  if (pick === 2) return (random() - 0.5) * 10 ** Math.floor(random() * 30);
  if (pick === 3) return Math.floor(random() * 1000);
  if (pick === 4) return String.fromCharCode(...Array.from({ length: Math.floor(random() * 12) }, () => Math.floor(random() * 0x2fff) + 1));
  if (pick === 5) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [`k${i}ệ"\\`, randomValue(random, depth + 1)]));
}

describe('checkJsonText', () => {
  it('accepts every text JSON.parse accepts (seeded random values, pretty and compact)', () => {
    let seed = 17;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i += 1) {
      const value = randomValue(random, 0);
      for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
        if (text === undefined) continue;
        expect(() => checkJsonText(text, 32), text).not.toThrow();
        expect(parseJsonText(text, 'x.json')).toEqual(JSON.parse(text));
      }
    }
  });

  it('locates syntax errors by line and position in Vietnamese', () => {
    expect(refusal('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ where: { row: 3 }, message: expect.stringMatching(/vị trí 3: gặp """ ở chỗ cần dấu phẩy/) });
    expect(refusal('[1, 2,]').message).toMatch(/gặp "\]" ở chỗ cần một giá trị/);
    expect(refusal('{"a": "x').message).toMatch(/không đóng đến hết tệp/);
    expect(refusal('{"a": [1, 2}').message).toMatch(/cần dấu phẩy hoặc dấu đóng \]/);
    expect(refusal('').message).toMatch(/tệp rỗng/);
  });

  it('refuses deep nesting before anything recurses into it, NUL characters and numbers beyond a double', () => {
    expect(refusal('['.repeat(100_000)).message).toMatch(/lồng nhau quá 32 cấp/);
    expect(refusal('{"a":'.repeat(33) + '1' + '}'.repeat(33)).message).toMatch(/lồng nhau quá 32 cấp/);
    expect(() => checkJsonText('['.repeat(32) + ']'.repeat(32), 32)).not.toThrow();
    expect(refusal('["a\\u0000"]').message).toMatch(/ký tự NUL/);
    expect(refusal('[1e400]').message).toMatch(/số 1e400 quá lớn/);
  });

  it('names the file in the refusal', () => {
    expect(() => parseJsonText('{', 'so-lieu.json')).toThrow(ImportRejectedError);
    expect(() => parseJsonText('{', 'so-lieu.json')).toThrow(/so-lieu\.json, dòng 1: JSON không hợp lệ/);
  });
});
