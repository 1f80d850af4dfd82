import { describe, expect, it } from 'vitest';
import { choosePeriod, periodFromId, reportPeriod } from './periods';

describe('periods of the statistics page', () => {
  it('shows a reporting period with its Decree 09/2019 window', () => {
    expect(choosePeriod(reportPeriod(2026, 'quarter', 1))).toMatchObject({
      id: '2026-Q1',
      from: '2025-12-15',
      to: '2026-03-14',
      label: 'Quý I năm 2026: 15/12/2025 – 14/03/2026',
    });
    expect(choosePeriod(reportPeriod(2026, 'half', 2)).label).toBe('6 tháng cuối năm 2026: 15/06/2026 – 14/12/2026');
    expect(choosePeriod(reportPeriod(2026, 'nine_months', 1)).label).toBe('9 tháng năm 2026: 15/12/2025 – 14/09/2026');
  });

  it('reads the address, and falls back to the quarter holding today', () => {
    expect(periodFromId('2026-01-01..2026-01-31', '2026-11-23')).toMatchObject({
      from: '2026-01-01',
      to: '2026-01-31',
      label: 'Từ ngày 01/01/2026 đến ngày 31/01/2026',
    });
    // 20/12/2026 already belongs to Q1/2027 under the 15th-of-the-month cut-off.
    expect(periodFromId(null, '2026-12-20').id).toBe('2027-Q1');
    expect(periodFromId('2026-Q5', '2026-11-23').id).toBe('2026-Q4');
  });
});
