import { describe, expect, it } from 'vitest';
import { dateInVietnam, localDateTimeOf, todayInVietnam } from './date-time';

describe('Vietnam wall-clock of an instant', () => {
  it('turns the date at 17:00 UTC', () => {
    expect(dateInVietnam('2026-03-19T16:59:00Z')).toBe('2026-03-19');
    expect(dateInVietnam('2026-03-19T17:00:00Z')).toBe('2026-03-20');
    expect(todayInVietnam(new Date('2026-01-04T18:05:00Z'))).toBe('2026-01-05');
  });
  it('gives the local time in minutes', () => {
    expect(localDateTimeOf('2026-11-23T12:30:10.123Z')).toEqual({ date: '2026-11-23', minutes: 19 * 60 + 30 });
    expect(localDateTimeOf(Date.parse('2025-12-31T17:00:00Z'))).toEqual({ date: '2026-01-01', minutes: 0 });
  });
});
