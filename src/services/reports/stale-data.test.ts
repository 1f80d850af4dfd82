import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { generateDemoDossiers } from '../demo/seed-demo-dossiers';
import { addUser } from '../users/add-user';
import { computeReport } from './compute-report';
import { inbox } from './inbox';
import { transitionReport } from './report-workflow';
import { getStaleData, staleDataOf } from './stale-data';

/*
 * Stale data (#11 item 5): dossiers imported after a report was computed change its figures. The
 * unit's data revision moves with every statement that writes its dossiers (a trigger); only then
 * is the report compared with what the dossiers give now, old and new figure side by side.
 */
const T = 'mac-dinh-xa';
const RECEIVED = 'r_3_4_2'; // 3.4.2. Số hồ sơ tiếp nhận trong kỳ

describe(`stale data (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let officer: SessionUser;
  let reviewer: SessionUser;
  let communeId: number;
  let seed = 100;
  const importMore = async (count: number, from: string, to: string) => {
    const commune = (await store.units.findById(communeId))!;
    await generateDemoDossiers(store, { unit: commune, count, from, to, seed: seed++ });
  };

  beforeAll(async () => {
    store = await openTestStore();
    const province = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    communeId = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: province, validFrom: '2025-07-01', validTo: null });
    await importMore(150, '2025-12-15', '2026-03-10');
    const a = await addUser(store, { username: 'can.bo', displayName: 'Cán bộ', password: 'mat-khau-dai', role: 'officer', unitId: communeId });
    const r = await addUser(store, { username: 'tham.dinh', displayName: 'Thẩm định', password: 'mat-khau-dai', role: 'reviewer', unitId: province });
    officer = { id: a.user.id, username: 'can.bo', displayName: 'Cán bộ', role: 'officer', unit: (await store.units.findById(communeId))! };
    reviewer = { id: r.user.id, username: 'tham.dinh', displayName: 'Thẩm định', role: 'reviewer', unit: (await store.units.findById(province))! };
  }, 180_000);
  afterAll(async () => store.dispose());

  it('raises the unit\'s data revision once per import statement, not per dossier', async () => {
    const before = await store.dataRevisions.unitRevision(communeId);
    expect(before).toBeGreaterThan(0);
    await importMore(40, '2026-04-01', '2026-04-30');
    const after = await store.dataRevisions.unitRevision(communeId);
    expect(after).toBeGreaterThan(before);
    expect(after - before).toBeLessThan(40);
  });

  it('says nothing while the dossiers have not moved, then names each changed figure with old and new values', async () => {
    const view = await computeReport(store, officer, { unitId: communeId, templateId: T, periodId: '2026-Q1' });
    const received = view.values.get(RECEIVED)!.value as number;
    expect(await getStaleData(store, officer, view.report.id)).toEqual({ figures: [], lines: [] });

    // Dossiers outside the window move the revision but no figure of the quarter.
    await importMore(5, '2026-05-01', '2026-05-20');
    expect((await getStaleData(store, officer, view.report.id)).figures).toEqual([]);

    await importMore(3, '2026-01-05', '2026-02-20');
    const stale = await getStaleData(store, officer, view.report.id);
    const line = stale.lines.find((l) => l.startsWith('3.4.2.'));
    expect(line).toBe(`3.4.2. Số hồ sơ tiếp nhận trong kỳ: ${received} → ${received + 3}`);
    expect(stale.figures.find((f) => f.rowId === RECEIVED)).toEqual({ rowId: RECEIVED, before: received, after: received + 3 });

    // The officer's inbox says so on the report's line.
    const items = await inbox(store, officer, { today: '2026-03-20' });
    expect(items.find((i) => i.reportId === view.report.id)?.staleFigures).toContain(line);

    // "Tính lại" takes the new figures; nothing is stale any more.
    const again = await computeReport(store, officer, { unitId: communeId, templateId: T, periodId: '2026-Q1' });
    expect(again.values.get(RECEIVED)!.value).toBe(received + 3);
    expect((await staleDataOf(store, again.report, again.template)).figures).toEqual([]);
  });

  it('keeps a corrected figure out of the comparison: it is compared by what the system had computed', async () => {
    const view = await computeReport(store, officer, { unitId: communeId, templateId: T, periodId: '2026-Q1' });
    const { updateReportValues } = await import('./compute-report');
    const received = view.values.get(RECEIVED)!.value as number;
    await updateReportValues(store, officer, view.report.id, { changes: [{ rowId: RECEIVED, value: received + 10, reason: 'Theo sổ' }] });
    await importMore(2, '2026-01-05', '2026-02-20');
    const stale = await getStaleData(store, officer, view.report.id);
    expect(stale.lines).toContain(`3.4.2. Số hồ sơ tiếp nhận trong kỳ: ${received} → ${received + 2}`);
  });

  it('puts an approved report with changed figures in the reviewer\'s inbox, to reopen for correction', async () => {
    const view = await computeReport(store, officer, { unitId: communeId, templateId: T, periodId: '2026-Q2' });
    await store.db.updateTable('reports').set({ status: 'approved' }).where('id', '=', view.report.id).execute();
    expect((await inbox(store, reviewer, { today: '2026-07-20' })).filter((i) => i.kind === 'stale')).toEqual([]);
    await importMore(4, '2026-04-02', '2026-05-30');
    const stale = (await inbox(store, reviewer, { today: '2026-07-20' })).filter((i) => i.kind === 'stale');
    expect(stale.map((i) => i.reportId)).toEqual([view.report.id]);
    expect(stale[0]!.staleFigures!.some((l) => /^3\.4\.2\. Số hồ sơ tiếp nhận trong kỳ: \d+ → \d+$/.test(l))).toBe(true);
    const reopened = await transitionReport(store, reviewer, view.report.id, 'reopen', { comment: 'Số liệu hồ sơ đã thay đổi sau khi duyệt.' });
    expect(reopened.report.status).toBe('draft');
  });
});
