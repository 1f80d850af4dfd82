import { describe, expect, it } from 'vitest';
import { decimalsWritten, formatViNumber, parseViNumber } from './vi-number';

describe('Vietnamese numbers', () => {
  it.each([
    ['1.180.000', 1180000],
    ['98,07', 98.07],
    ['196,5', 196.5],
    ['07', 7],
    ['-5', -5],
    ['100 %', 100],
    ['98.07', 98.07],
    ['1.234,5', 1234.5],
  ])('reads %s', (text, value) => expect(parseViNumber(text)).toBe(value));

  it.each(['', '-', 'abc', '1,2,3', '12a', '1.18.000'])('refuses %j', (text) => expect(parseViNumber(text)).toBeNull());

  it('knows the precision written and formats back', () => {
    expect(decimalsWritten('98,07')).toBe(2);
    expect(decimalsWritten('30')).toBe(0);
    expect(decimalsWritten('1.180.000')).toBe(0);
    expect(formatViNumber(1180000)).toBe('1.180.000');
    expect(formatViNumber(98.0732)).toBe('98,07');
  });
});
