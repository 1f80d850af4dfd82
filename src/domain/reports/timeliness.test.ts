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
