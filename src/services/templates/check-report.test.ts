import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkReport } from './check-report';

const base = { template: 'mac-dinh-xa', unit: '01906', values: { '3.4.1': 12 } };
const refusal = (data: unknown) => {
  try {
    checkReport(data);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as Error).message;
  }
  throw new Error('accepted');
};

describe('checkReport reads the interchange file strictly', () => {
  it('refuses period 2026-Q9 and other impossible periods', () => {
    expect(refusal({ ...base, period: '2026-Q9' })).toBe('Tệp số liệu không đúng định dạng: trường "period": Kỳ báo cáo không hợp lệ: "2026-Q9" (quý phải từ 1 đến 4).');
    expect(refusal({ ...base, period: '2026-M13' })).toMatch(/"2026-M13"/);
    expect(checkReport({ ...base, period: '2026-Q1' }).template.id).toBe('mac-dinh-xa');
  });

  it('reads the report date in either form and refuses impossible or far dates', () => {
    expect(refusal({ ...base, reportDate: '2026-02-31' })).toMatch(/trường "reportDate": ngày "2026-02-31" không hợp lệ/);
    expect(refusal({ ...base, reportDate: '9999-12-31' })).toMatch(/ngoài khoảng 01\/01\/2000–31\/12\/2100/);
    expect(() => checkReport({ ...base, reportDate: '15/06/2026' })).not.toThrow();
  });

  it('bounds values: count, magnitude and length', () => {
    expect(refusal({ ...base, values: { '3.4.1': 1e308 } })).toMatch(/số vượt quá 1e\+15/);
    expect(refusal({ ...base, values: { '3.4.1': 'x'.repeat(4_001) } })).toMatch(/dài quá 4000 ký tự/);
    expect(refusal({ ...base, values: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`r${i}`, 1])) })).toMatch(/tối đa 2000 dòng/);
  });
});
