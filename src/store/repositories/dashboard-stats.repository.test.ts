import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyCounts, type FactCounts } from '../../domain/dossiers/facts';
import { openTestStore, testEngineName } from '../testing/test-store';
import type { KeyedFlows } from './dashboard-stats.repository';

describe(`dashboard stats repository on ${testEngineName()}`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  const ids: Record<string, number> = {};

  const fact = (unitId: number, day: string, channel: string, counts: Partial<FactCounts>) => ({
    unit_id: unitId,
    day,
    channel,
    ...emptyCounts(),
    ...counts,
  });
  /** One number per key and channel, to compare results without their order. */
  const pick = (rows: KeyedFlows[], column: keyof FactCounts) =>
    Object.fromEntries(rows.map((r) => [`${r.key}/${r.channel}`, r.counts[column]]).sort(([a], [b]) => String(a).localeCompare(String(b))));

  beforeAll(async () => {
    store = await openTestStore();
    const unit = (code: string, level: 'province' | 'district' | 'commune', parentId: number | null) =>
      store.units.insert({ code, name: code, level, parentId, validFrom: null, validTo: null });
    ids.P = await unit('19', 'province', null);
    ids.D = await unit('164', 'district', ids.P);
    ids.E = await unit('05497', 'commune', ids.D);
    ids.A = await unit('01906', 'commune', ids.P);
    ids.Q = await unit('38', 'province', null);
    ids.C = await unit('15976', 'commune', ids.Q);
    await store.db
      .insertInto('dossier_unit_facts')
      .values([
        fact(ids.A, '2026-01-05', 'direct', { received: 2, resolved_on_time: 1 }),
        fact(ids.A, '2026-01-05', 'online', { received: 3 }),
        fact(ids.A, '2026-02-20', 'direct', { received: 1, resolved_late: 1 }),
        fact(ids.D, '2026-01-10', 'direct', { received: 4 }), // a dossier kept at the district itself
        fact(ids.E, '2026-01-31', 'postal', { received: 5 }),
        fact(ids.E, '2026-02-01', 'direct', { received: 6 }),
        fact(ids.C, '2026-01-05', 'direct', { received: 100 }),
      ])
      .execute();
  });
  afterAll(async () => store.dispose());

  it('sums each window of a set of units in one query; windows may overlap, days outside count nowhere', async () => {
    const rows = await store.dashboardStats.flowsByWindow(
      [ids.P!, ids.D!, ids.E!, ids.A!],
      [
        { key: 'jan', from: '2026-01-01', to: '2026-01-31' },
        { key: 'feb', from: '2026-02-01', to: '2026-02-28' },
        { key: 'q1', from: '2026-01-01', to: '2026-03-31' },
        { key: 'mar', from: '2026-03-01', to: '2026-03-31' },
      ],
    );
    expect(pick(rows, 'received')).toEqual({
      'feb/direct': 7,
      'jan/direct': 6,
      'jan/online': 3,
      'jan/postal': 5,
      'q1/direct': 13,
      'q1/online': 3,
      'q1/postal': 5,
    });
    expect(rows.find((r) => r.key === 'feb' && r.channel === 'direct')!.counts).toMatchObject({ resolved_late: 1, resolved_on_time: 0 });
    expect(await store.dashboardStats.flowsByWindow([], [{ key: 'x', from: '2026-01-01', to: '2026-01-31' }])).toEqual([]);
    expect(await store.dashboardStats.flowsByWindow([ids.A!], [])).toEqual([]);
  });

  it('sums each root’s whole subtree over a window, keyed by the root', async () => {
    const rows = await store.dashboardStats.flowsBySubtree([ids.D!, ids.A!, ids.C!], '2026-01-01', '2026-01-31');
    expect(pick(rows, 'received')).toEqual({
      [`${ids.A}/direct`]: 2,
      [`${ids.A}/online`]: 3,
      [`${ids.C}/direct`]: 100,
      [`${ids.D}/direct`]: 4,
      [`${ids.D}/postal`]: 5, // commune E under district D
    });
    expect(await store.dashboardStats.flowsBySubtree([], '2026-01-01', '2026-01-31')).toEqual([]);
  });
});
