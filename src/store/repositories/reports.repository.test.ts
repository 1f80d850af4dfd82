import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testEngineName } from '../testing/test-store';

/*
 * The revision of a report counts changes of its data (what the list and the report page show as
 * "Phiên bản", and what an official's save is checked against): a step of the workflow does not
 * change it, a save of values does.
 */
describe(`report revisions (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let reportId: number;
  beforeAll(async () => {
    store = await openTestStore();
    const unitId = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: null, validFrom: '2025-07-01', validTo: null });
    reportId = (await store.reports.insert({ unitId, templateId: 'mac-dinh-xa', templateVersion: '2025.1', periodId: '2026-Q1', windowFrom: '2025-12-15', windowTo: '2026-03-14' })).id;
  });
  afterAll(async () => store.dispose());

  it('moves through submit, return and approve at the same revision, and records it on each event', async () => {
    const value = { value: 7, provenance: 'entered' as const, computed: null, reason: null };
    const saved = await store.reports.saveValues(reportId, new Map([['r_1', value]]), { userId: null, action: 'edit', changes: { r_1: { before: null, after: 7 } } });
    const step = (from: 'draft' | 'submitted' | 'returned', to: 'submitted' | 'returned' | 'approved', action: 'submit' | 'return' | 'resubmit' | 'approve') =>
      store.reports.transition(reportId, { from, to, action, userId: null, comment: action === 'return' ? 'Thiếu số liệu' : null, snapshot: null, reopen: false });
    expect((await step('draft', 'submitted', 'submit')).revision).toBe(saved);
    expect((await step('submitted', 'returned', 'return')).revision).toBe(saved);
    const fixed = await store.reports.saveValues(reportId, new Map([['r_1', { ...value, value: 8 }]]), { userId: null, action: 'edit', changes: { r_1: { before: 7, after: 8 } } });
    expect(fixed).toBe(saved + 1);
    await step('returned', 'submitted', 'resubmit');
    const approved = await step('submitted', 'approved', 'approve');
    expect(approved).toMatchObject({ status: 'approved', revision: fixed });
    const events = await store.reports.events(reportId);
    expect(events.map((e) => [e.action, e.revision])).toEqual([
      ['submit', saved],
      ['return', saved],
      ['resubmit', fixed],
      ['approve', fixed],
    ]);
  });
});
