import { expect } from 'vitest';

const ENGLISH_WORDS =
  'the|is|are|was|not|at|of|and|or|with|from|to|cannot|could|invalid|error|unexpected|expected|unknown|undefined|failed|line|column|position|token|string|number|object|array|received|property|missing|required|must|should|record|quote|delimiter|found|instead|end|input|data|TypeError|RangeError|SyntaxError|ENOENT|EISDIR';
/** English words that must never reach a user, whole words only ("To" in "Toàn" is not English; \b knows only ASCII). */
export const ENGLISH = new RegExp(`(?<![\\p{L}\\p{N}])(${ENGLISH_WORDS})(?![\\p{L}\\p{N}])`, 'iu');

/** Checks a message a person reads: Vietnamese, no English word, no stack trace, not a flood. */
export function expectVietnameseOnly(text: string, fileNames: string[]) {
  let words = text;
  for (const name of fileNames) words = words.split(name).join('«tệp»');
  expect(text).not.toMatch(/Lỗi không mong đợi/);
  expect(text).not.toMatch(/\n\s+at\s|\.[cm]?[jt]s:\d+/);
  expect(words.match(ENGLISH)?.[0], words).toBeUndefined();
  expect(text.length).toBeLessThan(20_000);
}
