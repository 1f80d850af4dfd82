import { describe, expect, it } from 'vitest';
import { isNotApplicable, normaliseNotApplicable, NOT_APPLICABLE } from './not-applicable';

describe('không phát sinh', () => {
  it('reads every way officials write it, in any case, with or without diacritics', () => {
    for (const written of ['-', ' - ', '–', 'x', 'X', 'không phát sinh', 'Không phát sinh.', 'KHÔNG PHÁT SINH', 'khong phat sinh', 'KPS']) {
      expect(isNotApplicable(written), written).toBe(true);
      expect(normaliseNotApplicable(written)).toBe(NOT_APPLICABLE);
    }
  });

  it('is neither blank nor zero nor a number', () => {
    for (const value of ['', '  ', '0', 0, null, undefined, '-5', '12', 'xã', 'không']) {
      expect(isNotApplicable(value), String(value)).toBe(false);
    }
    expect(normaliseNotApplicable('0')).toBe('0');
    expect(normaliseNotApplicable(null)).toBe(null);
  });
});
