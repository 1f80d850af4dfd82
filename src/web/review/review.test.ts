import { describe, expect, it } from 'vitest';
import type { TemplateJson } from '../api/reports';
import type { CompletenessCell, CompletenessMatrix, InboxItem, Obligation, ObligationPeriodKind } from '../api/review';
import type { Unit } from '../api/types';
import { approvableIds, filterUnits, fold, outcomeLines } from './completeness';
import { chooseKind, defaultTemplateId } from './defaults';
import { deadlineText, percentText, rateText } from './format';
import { groupInbox, inboxSummary } from './inbox';
import { kindOf, labelOf, periodOptions, periodRange, recentPeriods } from './periods';

describe('periods of a kind', () => {
  it('lists the periods of a kind over some years, with their printed labels', () => {
    expect(periodOptions('quarter', 2026, 2026)).toEqual([
      { id: '2026-Q1', label: 'Quý I năm 2026' },
      { id: '2026-Q2', label: 'Quý II năm 2026' },
      { id: '2026-Q3', label: 'Quý III năm 2026' },
      { id: '2026-Q4', label: 'Quý IV năm 2026' },
    ]);
    expect(periodOptions('half', 2025, 2026).map((p) => p.id)).toEqual(['2025-H1', '2025-H2', '2026-H1', '2026-H2']);
    expect(periodOptions('year', 2025, 2026).map((p) => p.label)).toEqual(['Năm 2025', 'Năm 2026']);
    expect(periodOptions('month', 2026, 2026)[10]).toEqual({ id: '2026-M11', label: 'Tháng 11 năm 2026' });
    expect(labelOf('không phải kỳ')).toBe('không phải kỳ');
    expect(kindOf('2026-9M')).toBe('nine_months');
    expect(kindOf('2026-01-01..2026-02-01')).toBeNull();
  });

  it('walks a range across years, in either order, and refuses ids of another kind', () => {
    expect(periodRange('quarter', '2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodRange('quarter', '2026-Q2', '2025-Q3')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodRange('month', '2025-M11', '2026-M02')).toEqual(['2025-M11', '2025-M12', '2026-M01', '2026-M02']);
    expect(periodRange('year', '2024', '2026')).toEqual(['2024', '2025', '2026']);
    expect(periodRange('nine_months', '2025-9M', '2026-9M')).toEqual(['2025-9M', '2026-9M']);
    expect(periodRange('quarter', '2026-Q1', '2026-H1')).toEqual([]);
    expect(periodRange('quarter', '', '2026-Q1')).toEqual([]);
  });

  it('ends the last periods with the one being worked on under the cut-off rule', () => {
    // Decree 09: from 15/11 the data belong to the quarter ending in December.
    expect(recentPeriods('quarter', '2026-11-23', 4)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(recentPeriods('quarter', '2026-03-10', 4)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    // On 15/12 the data window of the next year has begun.
    expect(recentPeriods('quarter', '2026-12-15', 2)).toEqual(['2026-Q4', '2027-Q1']);
    expect(recentPeriods('quarter', '2026-12-15', 2, 'calendar')).toEqual(['2026-Q3', '2026-Q4']);
    expect(recentPeriods('half', '2026-11-23', 3)).toEqual(['2025-H2', '2026-H1', '2026-H2']);
    expect(recentPeriods('month', '2026-01-20', 3)).toEqual(['2025-M12', '2026-M01', '2026-M02']);
    expect(recentPeriods('year', '2026-06-01', 2)).toEqual(['2025', '2026']);
  });
});

describe('numbers and deadlines', () => {
  it('writes percentages and rates the Vietnamese way', () => {
    expect(percentText(99.9)).toBe('99,9%');
    expect(percentText(null)).toBe('—');
    expect(rateText(51.9, 109, 210)).toBe('51,9% (109/210)');
    expect(rateText(100, 1224, 1224)).toBe('100% (1.224/1.224)');
    expect(rateText(null, 0, 0)).toBe('— (0/0)');
    expect(rateText(71.43, null, null)).toBe('71,43%');
  });

  it('says how far a deadline is', () => {
    expect(deadlineText('2026-12-19', '2026-11-23')).toBe('19/12/2026 (còn 26 ngày)');
    expect(deadlineText('2026-11-23', '2026-11-23')).toBe('23/11/2026 (hôm nay)');
    expect(deadlineText('2025-03-19', '2026-11-23')).toBe('19/03/2025 (quá 614 ngày)');
    expect(deadlineText(null, '2026-11-23')).toBe('—');
  });
});

const unit = (id: number, code: string, name: string): Unit => ({ id, code, name, level: 'commune', levelLabel: 'Xã', parentId: 1, validFrom: '2025-07-01', validTo: null }) as Unit;

const cell = (unitId: number, periodId: string, state: CompletenessCell['state'], reportId: number | null, timeliness: CompletenessCell['timeliness'] = 'late'): CompletenessCell => ({
  unitId,
  periodId,
  state,
  stateLabel: state,
  timeliness,
  timelinessLabel: timeliness,
  reportId,
  submittedAt: null,
  deadline: '2026-06-19',
});

const totals = { expected: 0, received: 0, onTime: 0, late: 0, overdue: 0, returned: 0, approved: 0, receivedPct: null, onTimePct: null };

const matrix: CompletenessMatrix = {
  template: { id: 't', title: 'T' },
  obligation: { setBy: null, deadlineDays: 5, periodKinds: ['quarter'] },
  periods: [
    { periodId: '2026-Q1', label: 'Quý I năm 2026', from: '2025-12-15', to: '2026-03-14', deadline: '2026-03-19' },
    { periodId: '2026-Q2', label: 'Quý II năm 2026', from: '2026-03-15', to: '2026-06-14', deadline: '2026-06-19' },
  ],
  units: [unit(1, '01906', 'Xã Ba Bể'), unit(2, '02020', 'Xã Chợ Đồn'), unit(3, '01840', 'Phường Đức Xuân')],
  cells: [
    cell(1, '2026-Q1', 'approved', 10, 'on_time'),
    cell(1, '2026-Q2', 'submitted', 11),
    cell(2, '2026-Q1', 'returned', 12),
    cell(2, '2026-Q2', 'submitted', 13),
    cell(3, '2026-Q1', 'missing', null, 'overdue'),
    cell(3, '2026-Q2', 'draft', 14, 'overdue'),
  ],
  totals,
  byPeriod: [],
};

describe('the completeness matrix', () => {
  it('offers for approval only the reports waiting for review', () => {
    expect(approvableIds(matrix.cells)).toEqual([11, 13]);
  });

  it('filters units by what their cells show and by name without accents', () => {
    const names = (units: Unit[]) => units.map((u) => u.name);
    expect(names(filterUnits(matrix, 'waiting', ''))).toEqual(['Xã Ba Bể', 'Xã Chợ Đồn']);
    expect(names(filterUnits(matrix, 'missing', ''))).toEqual(['Phường Đức Xuân']);
    expect(names(filterUnits(matrix, 'returned', ''))).toEqual(['Xã Chợ Đồn']);
    expect(names(filterUnits(matrix, 'all', 'ba be'))).toEqual(['Xã Ba Bể']);
    expect(names(filterUnits(matrix, 'all', 'duc xuan'))).toEqual(['Phường Đức Xuân']);
    expect(names(filterUnits(matrix, 'all', '0202'))).toEqual(['Xã Chợ Đồn']);
    expect(fold('Đức Xuân')).toBe('duc xuan');
  });

  it('names the unit and the period of each approval outcome', () => {
    expect(
      outcomeLines(
        [
          { reportId: 11, ok: true, message: 'Đã duyệt báo cáo của Xã Ba Bể.' },
          { reportId: 99, ok: false, message: 'Không tìm thấy.' },
        ],
        matrix,
      ),
    ).toEqual([
      { reportId: 11, ok: true, message: 'Đã duyệt báo cáo của Xã Ba Bể.', unitName: 'Xã Ba Bể', periodLabel: 'Quý II năm 2026' },
      { reportId: 99, ok: false, message: 'Không tìm thấy.', unitName: '', periodLabel: '' },
    ]);
  });
});

const item = (patch: Partial<InboxItem>): InboxItem => ({
  kind: 'due',
  unit: { id: 1, code: '01906', name: 'Xã Ba Bể' },
  templateId: 't',
  templateTitle: 'T',
  periodId: '2026-Q4',
  periodLabel: 'Quý IV năm 2026',
  deadline: '2026-12-19',
  timeliness: 'not_due',
  reportId: null,
  status: null,
  comment: null,
  submittedAt: null,
  ...patch,
});

describe('the inbox', () => {
  it('groups by kind: nearest deadline first, oldest submission first', () => {
    const groups = groupInbox([
      item({ periodId: '2026-Q4', deadline: '2026-12-19' }),
      item({ periodId: '2026-Q3', deadline: '2026-09-19', timeliness: 'overdue' }),
      item({ kind: 'returned', reportId: 5, status: 'returned', deadline: null, timeliness: null, comment: 'Sửa mục 1.2' }),
      item({ kind: 'review', reportId: 7, submittedAt: '2026-11-02T01:00:00Z', unit: { id: 2, code: '02020', name: 'Xã Chợ Đồn' } }),
      item({ kind: 'review', reportId: 6, submittedAt: '2026-11-01T01:00:00Z' }),
    ]);
    expect(groups.due.map((i) => i.periodId)).toEqual(['2026-Q3', '2026-Q4']);
    expect(groups.returned.map((i) => i.reportId)).toEqual([5]);
    expect(groups.review.map((i) => i.reportId)).toEqual([6, 7]);
  });

  it('sums it up for the home page', () => {
    expect(inboxSummary([])).toBe('Không có việc nào cần làm.');
    expect(inboxSummary([item({ timeliness: 'overdue' }), item({}), item({ kind: 'returned', timeliness: null })])).toBe(
      'Bạn có 3 việc cần làm: 1 báo cáo quá hạn, 1 báo cáo bị trả lại.',
    );
    expect(inboxSummary([item({ kind: 'review', timeliness: null })])).toBe('Bạn có 1 việc cần làm: 1 báo cáo chờ duyệt.');
    expect(inboxSummary([item({})])).toBe('Bạn có 1 việc cần làm.');
  });
});

describe('what a page starts with', () => {
  const template = (id: string, periods: string[], levels = ['commune']) => ({ id, periods, levels }) as unknown as TemplateJson;
  const obligation = (unitId: number, templateId: string, periodKinds: ObligationPeriodKind[]) =>
    ({ id: 1, unit: unit(unitId, String(unitId), `Đơn vị ${unitId}`), templateId, templateTitle: templateId, periodKinds, deadlineDays: 5 }) as Obligation;
  const templates = [template('hai-duong-xa-6thang', ['half']), template('thai-nguyen-xa-quy', ['quarter', 'year'])];

  it('takes the template the unit asks reports for, else one made for communes', () => {
    expect(defaultTemplateId(templates, [obligation(9, 'hai-duong-xa-6thang', ['half']), obligation(19, 'thai-nguyen-xa-quy', ['quarter'])], 19)).toBe('thai-nguyen-xa-quy');
    expect(defaultTemplateId(templates, [obligation(9, 'hai-duong-xa-6thang', ['half'])], 19)).toBe('hai-duong-xa-6thang');
    expect(defaultTemplateId(templates, [], 19)).toBe('hai-duong-xa-6thang');
    expect(defaultTemplateId([], [], 19)).toBeNull();
  });

  it('keeps an asked kind of period the template has, else the obligation’s, else the template’s first', () => {
    const quarterly = templates[1]!;
    expect(chooseKind(quarterly, 'year', undefined)).toBe('year');
    expect(chooseKind(quarterly, 'month', undefined)).toBe('quarter');
    expect(chooseKind(quarterly, null, obligation(19, 'thai-nguyen-xa-quy', ['year']))).toBe('year');
  });
});
