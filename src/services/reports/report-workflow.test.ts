import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { addUser } from '../users/add-user';
import { completeness, reminderList } from './completeness';
import { computeReport, getReport, updateReportValues } from './compute-report';
import { inbox } from './inbox';
import { setObligation } from './obligations';
import { approveMany, reportHistory, transitionReport } from './report-workflow';
import { computeRollup } from './rollup';
import { completeReport } from './testing/complete-report';

const T = 'mac-dinh-xa';

describe(`report workflow, completeness and roll-up (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let ids: Record<string, number>;
  let officerA: SessionUser;
  let officerB: SessionUser;
  let adminA: SessionUser;
  let reviewer: SessionUser;

  const as = async (username: string, role: 'officer' | 'reviewer' | 'admin', unitId: number): Promise<SessionUser> => {
    const { user } = await addUser(store, { username, displayName: `Người ${username}`, password: 'mat-khau-dai-du', role, unitId });
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(unitId))! };
  };

  beforeAll(async () => {
    store = await openTestStore();
    const unit = (code: string, name: string, level: 'province' | 'district' | 'commune', parentId: number | null, era: 'old' | 'new') =>
      store.units.insert({ code, name, level, parentId, validFrom: era === 'new' ? '2025-07-01' : null, validTo: era === 'new' ? null : '2025-06-30' });
    const P = await unit('19', 'Tỉnh Thái Nguyên', 'province', null, 'new');
    const A = await unit('01906', 'Xã Ba Bể', 'commune', P, 'new');
    const B = await unit('02020', 'Xã Chợ Đồn', 'commune', P, 'new');
    // The same province before 01/07/2025: a district between it and its communes.
    const oldP = await unit('19', 'Tỉnh Thái Nguyên', 'province', null, 'old');
    const D = await unit('164', 'Thành phố Thái Nguyên', 'district', oldP, 'old');
    const X = await unit('05431', 'Phường Quán Triều', 'commune', D, 'old');
    const Y = await unit('05434', 'Phường Quang Vinh', 'commune', D, 'old');
    ids = { P, A, B, oldP, D, X, Y };
    officerA = await as('can.bo.a', 'officer', A);
    officerB = await as('can.bo.b', 'officer', B);
    adminA = await as('quan.tri', 'admin', P);
    reviewer = await as('tham.dinh', 'reviewer', P);
  }, 60_000);
  afterAll(async () => store.dispose());

  const fill = async (user: SessionUser, unitId: number, periodId: string, values: Record<string, number>) => {
    const report = await computeReport(store, user, { unitId, templateId: T, periodId });
    return updateReportValues(store, user, report.report.id, {
      changes: Object.entries(values).map(([rowId, value]) => ({ rowId, value })),
      expectedRevision: report.report.revision,
    });
  };
  /** The values, then every other required row, the narrative, the date and the signer. */
  const complete = async (user: SessionUser, unitId: number, periodId: string, values: Record<string, number>) => {
    const report = await fill(user, unitId, periodId, values);
    return completeReport(store, user, report.report.id);
  };

  it('plays submit → return (with reason) → resubmit → approve, freezing what was sent', async () => {
    const draft = await complete(officerA, ids.A!, '2026-Q1', { r_1_2_a: 10, r_1_2_b: 9 });
    expect(draft.actions).toEqual(['edit', 'submit']);
    // No obligation is set yet: the template the unit already reports on is due by its defaults.
    expect((await inbox(store, officerA, { today: '2026-03-16' })).find((i) => i.periodId === '2026-Q1')).toMatchObject({
      kind: 'due',
      reportId: draft.report.id,
      deadline: '2026-03-19',
      timeliness: 'not_due',
    });
    expect(await inbox(store, officerB, { today: '2026-03-16' })).toEqual([]);
    expect((await getReport(store, reviewer, draft.report.id)).actions).toEqual([]);
    const submitted = await transitionReport(store, officerA, draft.report.id, 'submit');
    expect(submitted.report.status).toBe('submitted');
    expect(submitted.report.firstSubmittedAt).not.toBeNull();
    await expect(updateReportValues(store, officerA, draft.report.id, { changes: [{ rowId: 'r_1_2_a', value: 11 }] })).rejects.toThrow(/đã gửi hoặc đã duyệt/);
    await expect(computeReport(store, officerA, { unitId: ids.A!, templateId: T, periodId: '2026-Q1' })).rejects.toThrow(/đã gửi hoặc đã duyệt/);
    await expect(transitionReport(store, officerA, draft.report.id, 'approve')).rejects.toMatchObject({ status: 403 });
    await expect(transitionReport(store, officerB, draft.report.id, 'approve')).rejects.toMatchObject({ status: 403 });
    expect((await getReport(store, reviewer, draft.report.id)).actions).toEqual(['return', 'approve']);
    await expect(transitionReport(store, reviewer, draft.report.id, 'return', { comment: ' ' })).rejects.toThrow('Trả lại báo cáo cần ghi lý do.');
    const returned = await transitionReport(store, reviewer, draft.report.id, 'return', { comment: 'Số nhiệm vụ chưa khớp kế hoạch năm.' });
    expect(returned.report.status).toBe('returned');
    expect((await inbox(store, officerA, { today: '2026-04-01' })).find((i) => i.reportId === draft.report.id)).toMatchObject({
      kind: 'returned',
      comment: 'Số nhiệm vụ chưa khớp kế hoạch năm.',
    });
    const fixed = await updateReportValues(store, officerA, draft.report.id, { changes: [{ rowId: 'r_1_2_a', value: 12 }], expectedRevision: returned.report.revision });
    expect(fixed.actions).toEqual(['edit', 'resubmit']);
    await transitionReport(store, officerA, draft.report.id, 'resubmit', { comment: 'Đã sửa theo góp ý.' });
    const review = (await inbox(store, reviewer)).find((i) => i.kind === 'review' && i.reportId === draft.report.id);
    // No obligation yet: the template's default, five days after the cut-off of 14/03/2026.
    expect(review).toMatchObject({ deadline: '2026-03-19', unit: { code: '01906' } });
    expect(['on_time', 'late']).toContain(review!.timeliness);
    const approved = await transitionReport(store, reviewer, draft.report.id, 'approve');
    expect(approved.report.status).toBe('approved');
    expect(approved.events.map((e) => [e.action, e.fromStatus, e.toStatus, e.userName])).toEqual([
      ['submit', 'draft', 'submitted', 'Người can.bo.a'],
      ['return', 'submitted', 'returned', 'Người tham.dinh'],
      ['resubmit', 'returned', 'submitted', 'Người can.bo.a'],
      ['approve', 'submitted', 'approved', 'Người tham.dinh'],
    ]);
    expect(approved.events[1]!.comment).toBe('Số nhiệm vụ chưa khớp kế hoạch năm.');
    expect(approved.actions).toEqual(['reopen']);
    const frozen = (await store.reports.lastApprovedSnapshot([draft.report.id])).get(draft.report.id)!;
    expect([frozen.get('r_1_2_a')?.value, frozen.get('r_1_2_b')?.value]).toEqual([12, 9]);
    await expect(transitionReport(store, reviewer, draft.report.id, 'approve')).rejects.toMatchObject({ status: 409 });
  });

  it('blocks a submission with errors and asks for the justification of each warning', async () => {
    const report = await complete(officerB, ids.B!, '2026-Q1', { r_1_2_a: 5, r_1_2_b: 9, r_3_1_3: 3, r_3_2_1: 4 });
    const attempt = transitionReport(store, officerB, report.report.id, 'submit');
    await expect(attempt).rejects.toThrow(/Lỗi ở dòng 1\.2\. /);
    await expect(transitionReport(store, officerB, report.report.id, 'submit')).rejects.toThrow(/Cảnh báo ở dòng 3\.2\.1\. .* chưa có lời giải trình/);
    const fixed = await updateReportValues(store, officerB, report.report.id, { changes: [{ rowId: 'r_1_2_a', value: 200 }, { rowId: 'r_1_2_b', value: 100 }] });
    const warning = fixed.findings.find((f) => f.severity === 'warning' && f.row === 'r_3_2_1')!;
    await updateReportValues(store, officerB, report.report.id, { changes: [], justifications: [{ rule: warning.rule, rowId: warning.row, text: 'Có 1 TTHC liên thông của huyện cũ còn áp dụng.' }] });
    const submitted = await transitionReport(store, officerB, report.report.id, 'submit');
    expect(submitted.report.status).toBe('submitted');
  });

  it('rolls up approved reports exactly: sums, recomputed rates, contributions', async () => {
    const onlyA = await computeRollup(store, reviewer, { unitId: ids.P!, templateId: T, periodId: '2026-Q1' });
    expect(onlyA.units.map((u) => [u.unit.code, u.status, u.included])).toEqual([
      ['01906', 'approved', true],
      ['02020', 'submitted', false],
    ]);
    expect(onlyA.values.get('r_1_2_a')?.value).toBe(12);
    const withSubmitted = await computeRollup(store, reviewer, { unitId: ids.P!, templateId: T, periodId: '2026-Q1', basis: 'submitted' });
    const rate = withSubmitted.values.get('r_1_2')!;
    expect([rate.numerator, rate.denominator, rate.value]).toEqual([109, 212, 51.42]);
    // The average of the two reported rates (75 % and 50 %) is 62,5 %: not the province's rate.
    expect(rate.value).not.toBe((75 + 50) / 2);
    expect(withSubmitted.values.get('r_1_2_b')?.contributions.map((c) => c.value)).toEqual([9, 100]);
  });

  it('approves in bulk, each report on its own', async () => {
    const b = (await store.reports.find(ids.B!, T, '2026-Q1'))!;
    const a = (await store.reports.find(ids.A!, T, '2026-Q1'))!;
    await expect(approveMany(store, reviewer, [b.id, a.id], { confirmedCount: 1 })).rejects.toMatchObject({ status: 400 });
    const outcome = await approveMany(store, reviewer, [b.id, a.id], { confirmedCount: 2 });
    expect(outcome.map((o) => o.ok)).toEqual([true, false]);
    expect(outcome[1]!.message).toMatch(/trạng thái "Đã duyệt"/);
  });

  it('reopens an approved report as a correction while the roll-up keeps the approved figures', async () => {
    const a = (await store.reports.find(ids.A!, T, '2026-Q1'))!;
    await expect(transitionReport(store, officerA, a.id, 'reopen')).rejects.toThrow(/lý do đính chính/);
    const reopened = await transitionReport(store, officerA, a.id, 'reopen', { comment: 'Đính chính số nhiệm vụ.' });
    expect(reopened.report).toMatchObject({ status: 'draft', correction: 1 });
    await updateReportValues(store, officerA, a.id, { changes: [{ rowId: 'r_1_2_a', value: 20 }] });
    const rollup = await computeRollup(store, reviewer, { unitId: ids.P!, templateId: T, periodId: '2026-Q1' });
    expect(rollup.units.find((u) => u.unit.id === ids.A)).toMatchObject({ included: true, source: 'last_approved' });
    expect(rollup.values.get('r_1_2_a')?.value).toBe(212);
  });

  it('keeps both officials’ work: edits to other rows merge, the same row is refused with who changed it', async () => {
    const start = await fill(officerA, ids.A!, '2026-Q2', { r_1_2_a: 4 });
    const seen = start.report.revision;
    await updateReportValues(store, adminA, start.report.id, { changes: [{ rowId: 'r_1_2_b', value: 2 }], expectedRevision: seen });
    const merged = await updateReportValues(store, officerA, start.report.id, { changes: [{ rowId: 'r_2_4_a', value: 3 }], expectedRevision: seen });
    expect([merged.values.get('r_1_2_b')?.value, merged.values.get('r_2_4_a')?.value]).toEqual([2, 3]);
    await expect(updateReportValues(store, officerA, start.report.id, { changes: [{ rowId: 'r_1_2_b', value: 1 }], expectedRevision: seen })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/người khác đã sửa "Số nhiệm vụ đã hoàn thành" \(Người quan\.tri\)/),
    });
    const history = await reportHistory(store, reviewer, start.report.id);
    expect(history[0]).toMatchObject({ action: 'edit', userName: 'Người can.bo.a', changes: { r_2_4_a: { before: null, after: 3 } } });
    await expect(reportHistory(store, officerB, start.report.id)).rejects.toMatchObject({ status: 403 });
  });

  it('shows completeness by units × periods with the deadline of the obligation', async () => {
    await setObligation(store, reviewer, { unitId: ids.P!, templateId: T, periodKinds: ['quarter'], deadlineDays: 5 });
    await expect(setObligation(store, officerA, { unitId: ids.A!, templateId: T, periodKinds: ['quarter'], deadlineDays: 5 })).rejects.toMatchObject({ status: 403 });
    // Fix the submission instants: A's Q1 report came on the deadline day, B's a day after.
    await sql`UPDATE reports SET first_submitted_at = '2026-03-19T16:59:00Z' WHERE unit_id = ${ids.A!} AND period_id = '2026-Q1'`.execute(store.db);
    await sql`UPDATE reports SET first_submitted_at = '2026-03-19T17:00:00Z' WHERE unit_id = ${ids.B!} AND period_id = '2026-Q1'`.execute(store.db);
    const matrix = await completeness(store, reviewer, { unitId: ids.P!, templateId: T, periodIds: ['2026-Q1', '2026-Q2'], today: '2026-06-25' });
    expect(matrix.periods.map((p) => [p.periodId, p.deadline])).toEqual([
      ['2026-Q1', '2026-03-19'],
      ['2026-Q2', '2026-06-19'],
    ]);
    const cell = (code: string, periodId: string) => matrix.cells.find((c) => c.periodId === periodId && matrix.units.find((u) => u.id === c.unitId)!.code === code)!;
    expect([cell('01906', '2026-Q1').timeliness, cell('02020', '2026-Q1').timeliness]).toEqual(['on_time', 'late']);
    expect([cell('01906', '2026-Q2').state, cell('01906', '2026-Q2').timeliness, cell('02020', '2026-Q2').state]).toEqual(['draft', 'overdue', 'missing']);
    expect(matrix.totals).toMatchObject({ expected: 4, received: 2, onTime: 1, late: 1, overdue: 2, receivedPct: 50, onTimePct: 25 });
    expect(reminderList(matrix).map((r) => [r.unit.code, r.period.periodId])).toEqual([
      ['01906', '2026-Q2'],
      ['02020', '2026-Q2'],
    ]);
    const officerView = await completeness(store, officerA, { unitId: ids.A!, templateId: T, periodIds: ['2026-Q1'], today: '2026-06-25' });
    expect(officerView.units.map((u) => u.code)).toEqual(['01906']);
    await expect(completeness(store, officerA, { unitId: ids.P!, templateId: T, periodIds: ['2026-Q1'] })).rejects.toMatchObject({ status: 403 });
    const due = await inbox(store, officerB, { today: '2026-06-25' });
    expect(due.map((i) => [i.kind, i.periodId, i.timeliness])).toContainEqual(['due', '2026-Q2', 'overdue']);
  });

  it('rolls up a period before 01/07/2025 by the units in force then', async () => {
    for (const unitId of [ids.X!, ids.Y!]) {
      const report = await computeReport(store, null, { unitId, templateId: T, periodId: '2025-Q1' });
      await store.transaction(async (repos) => {
        await repos.reports.saveValues(report.report.id, new Map([...report.values, ['r_1_2_a', { value: 10, provenance: 'entered', computed: null, reason: null }], ['r_1_2_b', { value: unitId === ids.X ? 10 : 1, provenance: 'entered', computed: null, reason: null }]]), { userId: null, action: 'edit', changes: {} });
        await repos.reports.transition(report.report.id, { from: 'draft', to: 'submitted', action: 'submit', userId: null, comment: null, snapshot: null, reopen: false });
        await repos.reports.transition(report.report.id, { from: 'submitted', to: 'approved', action: 'approve', userId: null, comment: null, snapshot: null, reopen: false });
      });
    }
    const before = await computeRollup(store, reviewer, { unitId: ids.P!, templateId: T, periodId: '2025-Q1' });
    expect(before.unit.id).toBe(ids.oldP);
    expect(before.units.map((u) => u.unit.name)).toEqual(['Phường Quán Triều', 'Phường Quang Vinh']);
    expect(before.values.get('r_1_2')?.value).toBe(55);
    const after = await computeRollup(store, reviewer, { unitId: ids.P!, templateId: T, periodId: '2026-Q1' });
    expect(after.units.map((u) => u.unit.code)).toEqual(['01906', '02020']);
  });
});
