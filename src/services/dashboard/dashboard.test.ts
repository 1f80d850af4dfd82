import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../domain/units/unit';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { seedDossierWorld } from '../dossiers/testing/dossier-test-setup';
import { dashboardDistribution, dashboardRanking } from './dashboard-ranking';
import { dashboardTrend } from './dashboard-trend';
import { previousPeriod, periodsEndingWith } from './periods';
import { seedDashboardWorld } from './testing/dashboard-fixture';
import { parsePeriodId } from '../../domain/period';

describe(`dashboard services on ${testEngineName()}`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let ids: Awaited<ReturnType<typeof seedDossierWorld>> & Awaited<ReturnType<typeof seedDashboardWorld>>;
  const as = async (role: SessionUser['role'], unitId: number): Promise<SessionUser> => ({
    id: 1,
    username: role,
    displayName: role,
    role,
    unit: (await store.units.findById(unitId)) as Unit,
  });

  beforeAll(async () => {
    store = await openTestStore();
    const world = await seedDossierWorld(store);
    ids = { ...world, ...(await seedDashboardWorld(store, world.P)) };
  });
  afterAll(async () => store.dispose());

  it('steps back through months, quarters, halves and years', () => {
    const back = (id: string, n: number) => periodsEndingWith(parsePeriodId(id), n).map((p) => p.id);
    expect(back('2026-M02', 3)).toEqual(['2025-M12', '2026-M01', '2026-M02']);
    expect(back('2026-Q1', 3)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(back('2026-H1', 3)).toEqual(['2025-H1', '2025-H2', '2026-H1']);
    expect(back('2026', 2)).toEqual(['2025', '2026']);
    expect(() => previousPeriod(parsePeriodId('2026-9M'))).toThrow(/chỉ dùng kỳ tháng, quý, 6 tháng hoặc năm/);
  });

  it('trend: the key rates of the whole province per quarter, each from its own parts', async () => {
    const reviewer = await as('reviewer', ids.P);
    const trend = await dashboardTrend(store, reviewer, { unitId: ids.P, kind: 'quarter', periodId: '2026-Q1', count: 3, today: '2026-02-01' });
    expect(trend.rates.map((r) => r.key)).toEqual(['on_time_pct', 'online_pct', 'digitized_input_pct', 'payment_online_pct']);
    expect(trend.points.map((p) => [p.id, p.label, p.shortLabel, p.from, p.to, p.running])).toEqual([
      ['2025-Q3', 'Quý III năm 2025', 'Quý III/2025', '2025-06-15', '2025-09-14', false],
      ['2025-Q4', 'Quý IV năm 2025', 'Quý IV/2025', '2025-09-15', '2025-12-14', false],
      ['2026-Q1', 'Quý I năm 2026', 'Quý I/2026', '2025-12-15', '2026-03-14', true],
    ]);
    const [q3, q4, q1] = trend.points;
    expect(q3!.rates.on_time_pct).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(q4!).toMatchObject({ received: 1, resolved: 1 });
    expect(q4!.rates).toEqual({
      on_time_pct: { value: 100, numerator: 1, denominator: 1 },
      online_pct: { value: 0, numerator: 0, denominator: 1 },
      digitized_input_pct: { value: 0, numerator: 0, denominator: 1 },
      payment_online_pct: { value: null, numerator: 0, denominator: 0 },
    });
    expect(q1!).toMatchObject({ received: 8, resolved: 8 });
    expect(q1!.rates).toEqual({
      on_time_pct: { value: 75, numerator: 6, denominator: 8 },
      online_pct: { value: 37.5, numerator: 3, denominator: 8 },
      digitized_input_pct: { value: 62.5, numerator: 5, denominator: 8 },
      payment_online_pct: { value: 50, numerator: 1, denominator: 2 },
    });
  });

  it('trend: months under the Decree 09 cut-off, and the current period by default', async () => {
    const officer = await as('officer', ids.A);
    const months = await dashboardTrend(store, officer, { unitId: ids.A, kind: 'month', periodId: '2026-M01', count: 2 });
    // Tháng 1/2026 is 15/12/2025–14/01/2026; A-0 (20/11/2025) falls in Tháng 12/2025.
    expect(months.points.map((p) => [p.shortLabel, p.received, p.rates.on_time_pct.value])).toEqual([
      ['T12/2025', 1, 100],
      ['T1/2026', 3, 66.67],
    ]);
    const current = await dashboardTrend(store, officer, { unitId: ids.A, kind: 'year', count: 1, today: '2026-12-20' });
    expect(current.points.map((p) => p.id)).toEqual(['2027']); // 15/12/2026 starts the reporting year 2027
    await expect(dashboardTrend(store, officer, { unitId: ids.A, kind: 'month', periodId: '2026-Q1' })).rejects.toThrow('Kỳ "2026-Q1" không phải là kỳ tháng.');
    await expect(dashboardTrend(store, officer, { unitId: ids.A, kind: 'month', periodId: '2026-Q5' })).rejects.toThrow(/quý phải từ 1 đến 4/);
  });

  it('ranking: the children in force at the end of the period, best first, nulls last, equal rates share a rank', async () => {
    const reviewer = await as('reviewer', ids.P);
    const ranking = await dashboardRanking(store, reviewer, { unitId: ids.P, periodId: '2026-Q1' });
    expect(ranking).toMatchObject({ unitsOn: '2026-03-14', order: 'desc', rate: { key: 'on_time_pct', label: 'Tỷ lệ giải quyết đúng hạn' } });
    expect(ranking.items.map((i) => [i.rank, i.unit.name, i.rate.value, i.rate.numerator, i.rate.denominator])).toEqual([
      [1, 'Xã Chợ Đồn', 100, 2, 2],
      [2, 'Xã Ba Bể', 75, 3, 4],
      [3, 'Huyện Thử', 50, 1, 2], // its commune's dossiers
      [null, 'Xã Không Hồ Sơ', null, 0, 0],
    ]);
    const digitized = await dashboardRanking(store, reviewer, { unitId: ids.P, periodId: '2026-Q1', rate: 'digitized_input_pct' });
    expect(digitized.items.map((i) => [i.rank, i.unit.code, i.rate.value])).toEqual([
      [1, '02020', 100],
      [2, '01906', 50], // 2/4: more dossiers behind the same rate
      [2, '999', 50], // 1/2
      [null, '99902', null],
    ]);
    const lowFirst = await dashboardRanking(store, reviewer, { unitId: ids.P, periodId: '2026-Q1', rate: 'online_pct', order: 'asc' });
    expect(lowFirst.items.map((i) => [i.rank, i.unit.code, i.rate.value])).toEqual([
      [1, '999', 0],
      [2, '01906', 25],
      [3, '02020', 100],
      [null, '99902', null],
    ]);
    // From April the new commune is a child too.
    const q2 = await dashboardRanking(store, reviewer, { unitId: ids.P, periodId: '2026-Q2' });
    expect(q2.items.map((i) => i.unit.code)).toContain('99903');
  });

  it('distribution: the children counted into bands of 10 points and a band for no dossier', async () => {
    const reviewer = await as('reviewer', ids.P);
    const distribution = await dashboardDistribution(store, reviewer, { unitId: ids.P, periodId: '2026-Q1' });
    expect(distribution.unitCount).toBe(4);
    expect(distribution.buckets.map((b) => b.label)).toEqual([
      '0–10%', '10–20%', '20–30%', '30–40%', '40–50%', '50–60%', '60–70%', '70–80%', '80–90%', '90–100%', 'Không có hồ sơ',
    ]);
    expect(distribution.buckets.filter((b) => b.count > 0).map((b) => [b.label, b.units.map((u) => u.name)])).toEqual([
      ['50–60%', ['Huyện Thử']],
      ['70–80%', ['Xã Ba Bể']],
      ['90–100%', ['Xã Chợ Đồn']],
      ['Không có hồ sơ', ['Xã Không Hồ Sơ']],
    ]);
    expect(distribution.buckets.reduce((n, b) => n + b.count, 0)).toBe(4);
  });

  it('refuses a unit outside the user’s reach, the same way for an unknown id', async () => {
    const officer = await as('officer', ids.A);
    await expect(dashboardTrend(store, officer, { unitId: ids.P, kind: 'quarter' })).rejects.toMatchObject({ status: 403 });
    await expect(dashboardRanking(store, officer, { unitId: ids.B, periodId: '2026-Q1' })).rejects.toMatchObject({ status: 403 });
    await expect(dashboardDistribution(store, officer, { unitId: 999_999 })).rejects.toMatchObject({ status: 403 });
    const own = await dashboardRanking(store, officer, { unitId: ids.A, periodId: '2026-Q1' });
    expect(own.items).toEqual([]); // a commune has no unit below it
  });
});
