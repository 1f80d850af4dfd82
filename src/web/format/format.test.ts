import { describe, expect, it } from 'vitest';
import { formatDate, parseViDate, todayIso } from './date';
import { formatNumber } from './number';

describe('web formatting', () => {
  it('shows ISO dates as dd/mm/yyyy and open bounds as a dash', () => {
    expect(formatDate('2025-06-30')).toBe('30/06/2025');
    expect(formatDate(null)).toBe('—');
  });

  it('reads dates typed the Vietnamese way and rejects impossible ones', () => {
    expect(parseViDate('30/06/2025')).toBe('2025-06-30');
    expect(parseViDate('1/7/2025')).toBe('2025-07-01');
    expect(parseViDate('31/02/2025')).toBeNull();
    expect(parseViDate('06/30/2025')).toBeNull();
  });

  it('takes today from the local calendar', () => {
    expect(todayIso(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
  });

  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1224)).toBe('1.224');
    expect(formatNumber(99.9)).toBe('99,9');
    expect(formatNumber(92)).toBe('92');
  });
});
