import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { completeness } from '../reports/completeness';
import { computeReport, getReport } from '../reports/compute-report';
import { inbox } from '../reports/inbox';
import { computeRollup } from '../reports/rollup';
import { seedDemo } from './seed-demo';
import { DEMO_REPORT_TEMPLATE, DEMO_RETURN_REASON } from './seed-demo-reports';

const TODAY = '2026-11-23';
const T = DEMO_REPORT_TEMPLATE;
const PREVIOUS = ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

describe(`demo reports for the review workflow (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let first: Awaited<ReturnType<typeof seedDemo>>;
  const session = async (username: string): Promise<SessionUser> => {
    const user = (await store.users.findByUsername(username))!;
    return { id: user.id, username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(user.unitId))! };
  };

  beforeAll(async () => {
    store = await openTestStore();
    first = await seedDemo(store, { today: TODAY });
  }, 240_000);
  afterAll(async () => store.dispose());

  it('sets the province’s obligation and reports the previous quarters of a handful of communes, not the current one', async () => {
    const province = (await store.units.findByCodeOn('19', '2025-07-01'))!;
    expect(province.validFrom).toBe('2025-07-01');
    expect(await store.obligations.list([province.id])).toEqual([
      { id: expect.any(Number), unitId: province.id, templateId: T, periodKinds: ['quarter', 'half', 'nine_months', 'year'], deadlineDays: 5 },
    ]);
    expect(first.dossiers?.inserted).toBeGreaterThan(0);
    expect(first.reports).toMatchObject({ obligationSet: true, currentPeriod: '2026-Q4', previousPeriods: [...PREVIOUS].reverse() });
    const created = first.reports!.created;
    expect(new Set(created.map((c) => c.unitCode)).size).toBe(8);
    expect(created).toHaveLength(8 * 4 - 1);
    expect(created.filter((c) => c.periodId === '2026-Q4')).toEqual([]);
    const latest = created.filter((c) => c.periodId === '2026-Q3');
    expect(latest.filter((c) => c.status === 'submitted')).toHaveLength(1);
    expect(latest.filter((c) => c.status === 'returned')).toHaveLength(1);
    expect(created.filter((c) => c.periodId !== '2026-Q3').every((c) => c.status === 'approved')).toBe(true);
    // The demo officers' communes: every previous quarter approved, the current one left to them.
    for (const code of ['01906', '02020']) {
      expect(created.filter((c) => c.unitCode === code).map((c) => [c.periodId, c.status])).toEqual(PREVIOUS.map((p) => [p, 'approved']));
    }
    const officer = await session('xababe');
    expect(await store.reports.find(officer.unit.id, T, '2026-Q4')).toBeUndefined();
    const due = await inbox(store, officer, { today: TODAY });
    expect(due.find((i) => i.periodId === '2026-Q4')).toMatchObject({ kind: 'due', reportId: null, timeliness: 'not_due' });
    expect(due.some((i) => i.periodId === '2026-Q3')).toBe(false);
    // …which they can still draft and fill.
    await expect(computeReport(store, officer, { unitId: officer.unit.id, templateId: T, periodId: '2026-Q4' })).resolves.toMatchObject({ report: { status: 'draft' } });
  });

  it('gives the reviewer a completeness matrix with on-time and late reports, an inbox and a roll-up', async () => {
    const reviewer = await session('sonoivu');
    const matrix = await completeness(store, reviewer, { unitId: reviewer.unit.id, templateId: T, periodIds: [...PREVIOUS, '2026-Q4'], today: TODAY });
    const byPeriod = Object.fromEntries(matrix.byPeriod.map((p) => [p.periodId, [p.received, p.onTime, p.late, p.returned, p.approved]]));
    expect(byPeriod).toEqual({
      '2025-Q4': [8, 8, 0, 0, 8],
      '2026-Q1': [8, 8, 0, 0, 8],
      '2026-Q2': [8, 7, 1, 0, 8],
      '2026-Q3': [7, 6, 1, 1, 5],
      '2026-Q4': [0, 0, 0, 0, 0],
    });
    expect(matrix.periods.find((p) => p.periodId === '2026-Q3')?.deadline).toBe('2026-09-21');

    const review = (await inbox(store, reviewer, { today: TODAY })).filter((i) => i.kind === 'review');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ periodId: '2026-Q3', templateId: T, status: 'submitted', submittedAt: expect.stringMatching(/^2026-09-1\dT02:00:00Z$/) });

    const returned = matrix.cells.find((c) => c.state === 'returned')!;
    const events = await store.reports.events(returned.reportId!);
    expect(events.map((e) => [e.action, e.userName, e.comment])).toEqual([
      ['submit', 'Quản trị hệ thống (demo)', null],
      ['return', 'Nguyễn Thị Thẩm Định (Sở Nội vụ, demo)', DEMO_RETURN_REASON],
    ]);
    expect(events.map((e) => e.at)).toEqual(['2026-09-20T02:00:00Z', '2026-09-22T02:00:00Z']);

    const rollup = await computeRollup(store, reviewer, { unitId: reviewer.unit.id, templateId: T, periodId: '2026-Q3' });
    const included = rollup.units.filter((u) => u.included);
    expect(included.map((u) => u.unit.code)).toEqual(expect.arrayContaining(['01906', '02020']));
    expect(included).toHaveLength(5);
    const sum = (rowId: string) => included.reduce((total, u) => total + Number(rollup.sources.get(u.unit.id)!.get(rowId)!.value), 0);
    const onTime = rollup.values.get('r_3_4_2')!;
    expect([onTime.numerator, onTime.denominator]).toEqual([sum('r_3_4_2_b'), sum('r_3_4_2_a')]);
    expect(onTime.denominator).toBeGreaterThan(0);
    expect(rollup.values.get('r_1_1')).toMatchObject({ numerator: sum('r_1_1_b'), denominator: sum('r_1_1_a'), note: null });
    expect([...rollup.values.values()].filter((v) => v.note !== null && v.value !== null)).toEqual([]);

    // Every seeded report passes the template's checks.
    for (const cell of matrix.cells.filter((c) => c.reportId !== null)) {
      const view = await getReport(store, reviewer, cell.reportId!);
      expect(view.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  }, 60_000);

  it('gives the demo communes a procedure list and registers, so their reports fill those rows from data', async () => {
    const officer = await session('xababe');
    const report = (await store.reports.find(officer.unit.id, T, PREVIOUS[0]!))!;
    const view = await getReport(store, officer, report.id);
    const fromLists = view.template.rows.filter((r) => typeof r.source === 'object' && r.source !== null && ('procedures' in r.source || 'register' in r.source));
    expect(fromLists.length).toBeGreaterThan(10);
    for (const row of fromLists) expect(view.values.get(row.id)?.provenance, row.id).toBe('computed');
    const byConcept = (concept: string) => view.values.get(view.template.rows.find((r) => r.concept === concept)!.id)?.value;
    expect([byConcept('staff.quota'), byConcept('staff.present')]).toEqual([12, 11]); // one vacancy
    expect((await store.unitLists.entries(officer.unit.id, 'documents')).length).toBeGreaterThan(10);
  }, 60_000);

  it('adds nothing on the next start and leaves the reports people made alone', async () => {
    const before = (await store.reports.listForUnits([...(await store.units.subtreeIds((await session('sonoivu')).unit.id))])).map((r) => [r.id, r.status, r.revision]);
    const again = await seedDemo(store, { today: TODAY });
    expect(again).toMatchObject({ created: [], dossiers: null, reports: { obligationSet: false, created: [] } });
    const after = (await store.reports.listForUnits([...(await store.units.subtreeIds((await session('sonoivu')).unit.id))])).map((r) => [r.id, r.status, r.revision]);
    expect(after).toEqual(before);
  }, 60_000);
});
