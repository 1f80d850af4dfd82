import { describe, expect, it } from 'vitest';
import { asOfFor, eraFromSearch, writeEra } from './era';

describe('era of the unit directory', () => {
  it('maps each era to the date the API filters on', () => {
    expect(asOfFor({ kind: 'current' }, '2026-11-23')).toBe('2026-11-23');
    expect(asOfFor({ kind: 'current' }, '2025-01-01')).toBe('2025-07-01');
    expect(asOfFor({ kind: 'before-reform' }, '2026-11-23')).toBe('2025-06-30');
    expect(asOfFor({ kind: 'date', date: '2024-02-29' }, '2026-11-23')).toBe('2024-02-29');
  });

  it('round-trips through the URL', () => {
    for (const era of [{ kind: 'current' }, { kind: 'before-reform' }, { kind: 'date', date: '2025-06-30' }] as const) {
      expect(eraFromSearch(writeEra(new URLSearchParams('tinh=19'), era))).toEqual(era);
    }
    expect(eraFromSearch(new URLSearchParams('ngay=30/06/2025'))).toEqual({ kind: 'current' });
  });
});
