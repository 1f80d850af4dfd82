import { describe, expect, it } from 'vitest';
import { formatDateVi, parseDate } from './iso-date';

describe('parseDate', () => {
  it('reads dd/mm/yyyy and ISO', () => {
    expect(parseDate('01/07/2025')).toBe('2025-07-01');
    expect(parseDate('1/7/2025')).toBe('2025-07-01');
    expect(parseDate('2025-06-30')).toBe('2025-06-30');
  });

  it('rejects impossible or malformed dates', () => {
    expect(parseDate('319/01/2023')).toBeNull();
    expect(parseDate('30/02/2024')).toBeNull();
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('2025-13-01')).toBeNull();
    expect(parseDate('hôm qua')).toBeNull();
  });

  it('accepts 29/02 in leap years', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
  });
});

describe('formatDateVi', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDateVi('2025-06-30')).toBe('30/06/2025');
  });
});
