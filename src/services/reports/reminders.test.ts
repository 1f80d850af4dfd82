import { describe, expect, it } from 'vitest';
import type { CompletenessCell } from '../../domain/reports/timeliness';
import type { Unit } from '../../domain/units/unit';
import { reminderList, type Completeness } from './completeness';

const unit = (id: number, code: string): Unit => ({ id, code, name: `Xã ${code}`, level: 'commune', parentId: 1, validFrom: '2025-07-01', validTo: null });
const cell = (unitId: number, periodId: string, deadline: string, state: CompletenessCell['state'], timeliness: CompletenessCell['timeliness']): CompletenessCell => ({
  unitId,
  periodId,
  state,
  stateLabel: state,
  timeliness,
  timelinessLabel: timeliness,
  reportId: null,
  submittedAt: null,
  deadline,
});

/* Today is 10/12/2026; Q3 was due 21/09, Q4, H2 and the year are due 21/12, a month on 19/12. */
const matrix = {
  template: { id: 'mac-dinh-xa', title: 'Phụ lục' },
  obligation: { setBy: null, deadlineDays: 5, periodKinds: ['quarter'] },
  periods: [
    { periodId: '2026-Q3', label: 'Quý III năm 2026', from: '2026-06-15', to: '2026-09-14', deadline: '2026-09-21' },
    { periodId: '2026-Q4', label: 'Quý IV năm 2026', from: '2026-09-15', to: '2026-12-14', deadline: '2026-12-21' },
    { periodId: '2027-Q1', label: 'Quý I năm 2027', from: '2026-12-15', to: '2027-03-14', deadline: '2027-03-19' },
  ],
  units: [unit(2, '01906'), unit(3, '02020'), unit(4, '02023')],
  cells: [
    cell(2, '2026-Q3', '2026-09-21', 'missing', 'overdue'),
    cell(3, '2026-Q3', '2026-09-21', 'approved', 'on_time'),
    cell(2, '2026-Q4', '2026-12-21', 'draft', 'not_due'),
    cell(3, '2026-Q4', '2026-12-21', 'missing', 'not_due'),
    cell(4, '2026-Q4', '2026-12-21', 'submitted', 'not_due'),
    cell(4, '2026-Q3', '2026-09-21', 'returned', 'late'),
    cell(2, '2027-Q1', '2027-03-19', 'missing', 'not_due'),
  ],
  totals: {} as Completeness['totals'],
  byPeriod: [],
} as Completeness;

const lines = (withinDays: number) => reminderList(matrix, { today: '2026-12-10', withinDays }).map((l) => `${l.unit.code} ${l.period.periodId}`);

describe('the reminder list', () => {
  it('lists the late units and those due within the chosen days, not those due later or already in', () => {
    expect(lines(7)).toEqual(['01906 2026-Q3', '02023 2026-Q3']);
    expect(lines(11)).toEqual(['01906 2026-Q3', '02023 2026-Q3', '01906 2026-Q4', '02020 2026-Q4']);
    expect(lines(0)).toEqual(['01906 2026-Q3', '02023 2026-Q3']);
    expect(lines(120)).toContain('01906 2027-Q1');
  });
});
