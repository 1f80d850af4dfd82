import { describe, expect, it } from 'vitest';
import { completenessTotals, timelinessOf } from './timeliness';

describe('timeliness', () => {
  const deadline = '2026-03-19';
  it('judges by the first submission', () => {
    expect(timelinessOf({ status: 'approved', firstSubmittedOn: '2026-03-19', deadline, today: '2026-05-01' })).toBe('on_time');
    expect(timelinessOf({ status: 'submitted', firstSubmittedOn: '2026-03-20', deadline, today: '2026-05-01' })).toBe('late');
    expect(timelinessOf({ status: 'returned', firstSubmittedOn: '2026-03-01', deadline, today: '2026-05-01' })).toBe('on_time');
  });
  it('tells overdue from not yet due', () => {
    expect(timelinessOf({ status: null, firstSubmittedOn: null, deadline, today: '2026-03-19' })).toBe('not_due');
    expect(timelinessOf({ status: 'draft', firstSubmittedOn: null, deadline, today: '2026-03-20' })).toBe('overdue');
  });
  it('counts expected, received and on time', () => {
    const totals = completenessTotals([
      { state: 'approved', timeliness: 'on_time' },
      { state: 'returned', timeliness: 'late' },
      { state: 'missing', timeliness: 'overdue' },
    ]);
    expect(totals).toMatchObject({ expected: 3, received: 2, onTime: 1, late: 1, overdue: 1, returned: 1, approved: 1, receivedPct: 66.7, onTimePct: 33.3 });
    expect(completenessTotals([]).receivedPct).toBeNull();
  });
});

import { parseCutoffRule } from '../period';
import { recentDuePeriods } from './obligations';

describe('recentDuePeriods', () => {
  it('lists the quarters whose window has started and whose deadline is recent', () => {
    const due = recentDuePeriods(['quarter'], parseCutoffRule('nd09'), 5, '2026-04-10', { lookbackDays: 120 });
    // Q1/2026 (15/12/2025–14/03/2026) was due 19/03; Q2 started 15/03; Q4/2025 was due 19/12/2025.
    expect(due.map((d) => [d.period.id, d.deadline])).toEqual([
      ['2025-Q4', '2025-12-19'],
      ['2026-Q1', '2026-03-19'],
      ['2026-Q2', '2026-06-19'],
    ]);
  });
});
