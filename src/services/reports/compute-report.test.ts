import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { addUser } from '../users/add-user';
import { generateDemoDossiers } from '../demo/seed-demo-dossiers';
import { computeReport, getReport, updateReportValues } from './compute-report';

describe(`reports computed from dossiers (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let communeId: number;
  beforeAll(async () => {
    store = await openTestStore();
    const province = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    communeId = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: province, validFrom: '2025-07-01', validTo: null });
    const commune = (await store.units.findById(communeId))!;
    const result = await generateDemoDossiers(store, { unit: commune, count: 2500, from: '2025-10-01', to: '2026-06-30', seed: 11 });
    expect(result.rejected).toBe(0);
  }, 120_000);
  afterAll(async () => store.dispose());

  it('fills a demo commune’s quarter from its dossiers and passes its own validation', async () => {
    const view = await computeReport(store, null, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    expect(view.report).toMatchObject({ windowFrom: '2025-12-15', windowTo: '2026-03-14', status: 'draft' });
    const metricRows = view.template.rows.filter((r) => typeof r.source === 'object' && r.source !== null && 'metric' in r.source);
    expect(metricRows.length).toBeGreaterThan(8);
    for (const row of metricRows) expect(view.values.get(row.id)?.provenance, row.id).toBe('computed');
    expect(view.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('keeps entered values and overrides across a recomputation, with revisions', async () => {
    const { user } = await addUser(store, { username: 'can.bo', displayName: 'Cán bộ', password: 'mat-khau-dai', role: 'officer', unitId: communeId });
    const officer = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(communeId))! };
    const first = await computeReport(store, officer, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    const manual = first.template.rows.find((r) => r.kind === 'count' && (r.source === undefined || r.source === 'manual'))!;
    const metric = first.template.rows.find((r) => typeof r.source === 'object' && r.source !== null && 'metric' in r.source && r.kind === 'count')!;
    await expect(updateReportValues(store, officer, first.report.id, { changes: [{ rowId: metric.id, value: 1 }] })).rejects.toThrow(/cần ghi lý do/);
    const edited = await updateReportValues(store, officer, first.report.id, {
      changes: [
        { rowId: manual.id, value: 7 },
        { rowId: metric.id, value: 1, reason: 'Thử sửa' },
      ],
    });
    expect(edited.values.get(manual.id)).toMatchObject({ value: 7, provenance: 'entered' });
    const again = await computeReport(store, officer, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    expect(again.values.get(manual.id)?.value).toBe(7);
    expect(again.values.get(metric.id)).toMatchObject({ value: 1, provenance: 'overridden', reason: 'Thử sửa' });
    // The edit is a revision; recomputing the same figures is not.
    expect(again.report.revision).toBe(first.report.revision + 1);
    expect((await store.reports.revisions(again.report.id)).map((r) => r.action)).toEqual(['compute', 'edit']);
    expect((await getReport(store, officer, again.report.id)).report.id).toBe(again.report.id);
  });

  it('starts "prefill: previous" rows from the previous report of the unit', async () => {
    const q1 = await computeReport(store, null, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    const prefillRow = q1.template.rows.find((r) => typeof r.source === 'object' && r.source !== null && 'manual' in r.source && r.source.manual.prefill === 'previous')!;
    expect(prefillRow).toBeDefined();
    const user = (await store.users.findByUsername('can.bo'))!;
    const officer = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(communeId))! };
    await updateReportValues(store, officer, q1.report.id, { changes: [{ rowId: prefillRow.id, value: 134 }] });
    const q2 = await computeReport(store, null, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q2' });
    expect(q2.values.get(prefillRow.id)).toMatchObject({ value: 134, provenance: 'entered', reason: 'Lấy từ kỳ trước (2026-Q1)' });
  });

  it('refuses a period the template does not use, in Vietnamese', async () => {
    await expect(computeReport(store, null, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q5' })).rejects.toThrow(/quý phải từ 1 đến 4/);
  });
});
