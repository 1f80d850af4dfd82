import { describe, expect, it } from 'vitest';
import { formatDate, formatDocumentDate, parseDocumentDateText, parseViDate, todayIso } from './date';
import { formatInstant, nowForInput, parseViDateTime, todayInVietnam } from './dateTime';
import { formatNumber, formatPercent, formatRate } from './number';
import { percentText, rateText } from '../review/format';

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

describe('times and rates', () => {
  it('shows instants in Vietnam time whatever the zone they come in', () => {
    expect(formatInstant('2026-03-05T03:00:00.000Z')).toBe('10:00 05/03/2026');
    expect(formatInstant('2026-03-05T23:30:00+07:00')).toBe('23:30 05/03/2026');
    expect(formatInstant('2026-03-05T17:30:00Z')).toBe('00:30 06/03/2026');
    expect(formatInstant(null)).toBe('—');
  });

  it('writes "now" and reads typed times as dd/mm/yyyy HH:mm', () => {
    expect(nowForInput(new Date('2026-01-04T18:05:00Z'))).toBe('05/01/2026 01:05');
    expect(todayInVietnam(new Date('2026-01-04T18:05:00Z'))).toBe('2026-01-05');
    expect(parseViDateTime('5/3/2026 8:00')).toBe('05/03/2026 08:00');
    expect(parseViDateTime('31/02/2026 08:00')).toBeNull();
    expect(parseViDateTime('05/03/2026 24:00')).toBeNull();
    expect(parseViDateTime('05/03/2026')).toBeNull();
  });

  it('shows a rate with its parts, and an empty one without a percentage', () => {
    expect(formatRate({ value: 98.07, numerator: 509, denominator: 519 })).toBe('98,07% (509/519)');
    expect(formatRate({ value: 100, numerator: 1224, denominator: 1224 })).toBe('100% (1.224/1.224)');
    expect(formatRate({ value: null, numerator: 0, denominator: 0 })).toBe('— (0/0)');
  });
});

describe('one percent style', () => {
  it('writes every percentage without a space before the sign, in the charts, tables, roll-up and review alike', () => {
    expect(formatPercent(68.18)).toBe('68,18%');
    expect(percentText(68.18)).toBe('68,18%');
    expect(rateText(68.18, 15, 22)).toBe('68,18% (15/22)');
    expect(formatRate({ value: 68.18, numerator: 15, denominator: 22 })).toBe('68,18% (15/22)');
    expect(formatPercent(100)).toBe('100%');
    expect(formatPercent(33.333333)).toBe('33,33%');
  });
});

describe('the date of a document', () => {
  it('is typed dd/mm/yyyy, or mm/yyyy to leave the day to the clerk, and shown the same way', () => {
    expect(parseDocumentDateText('15/3/2026')).toBe('2026-03-15');
    expect(parseDocumentDateText('03/2026')).toBe('2026-03');
    expect(parseDocumentDateText('2026')).toBe('2026');
    expect(parseDocumentDateText('31/02/2026')).toBeNull();
    expect(parseDocumentDateText('2026-03-15')).toBeNull();
    expect(parseDocumentDateText('13/2026')).toBeNull();
    expect(formatDocumentDate('2026-03-15')).toBe('15/03/2026');
    expect(formatDocumentDate('2026-03')).toBe('03/2026');
    expect(formatDocumentDate('2026')).toBe('2026');
  });
});
