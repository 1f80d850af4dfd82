import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../domain/calendar/date-time';
import { paragraph } from '../../domain/narrative/narrative';
import { parseCutoffRule, periodContaining } from '../../domain/period';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { addUser } from '../users/add-user';
import { changesSinceReturn } from './changes-since-return';
import { computeReport, getReport, updateReportValues } from './compute-report';
import { getReportDocument, updateReportDocument } from './report-document';
import { approveMany, previewApproveMany, transitionReport } from './report-workflow';
import { checkSubmission } from './submission-check';
import { completeReport } from './testing/complete-report';

const T = 'mac-dinh-xa';

describe(`submission checks and what the reviewer sees (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let ids: Record<string, number>;
  let officerA: SessionUser;
  let officerB: SessionUser;
  let reviewer: SessionUser;
  // The quarter whose data window is still open today: sending it now is early.
  const current = periodContaining(todayInVietnam(), 'quarter', parseCutoffRule('nd09'));

  const as = async (username: string, role: 'officer' | 'reviewer', unitId: number): Promise<SessionUser> => {
    const { user } = await addUser(store, { username, displayName: `Người ${username}`, password: 'mat-khau-dai-du', role, unitId });
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(unitId))! };
  };

  beforeAll(async () => {
    store = await openTestStore();
    const P = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    const A = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
    const B = await store.units.insert({ code: '02020', name: 'Xã Chợ Đồn', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
    ids = { P, A, B };
    officerA = await as('can.bo.a', 'officer', A);
    officerB = await as('can.bo.b', 'officer', B);
    reviewer = await as('tham.dinh', 'reviewer', P);
  }, 60_000);
  afterAll(async () => store.dispose());

  it('refuses the empty early report with everything missing at once, and takes it complete with a reason for sending early', async () => {
    const draft = await computeReport(store, officerA, { unitId: ids.A!, templateId: T, periodId: current.id });
    const attempt = transitionReport(store, officerA, draft.report.id, 'submit');
    await expect(attempt).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/^Chưa gửi được báo cáo: còn \d+ việc cần làm\. Dòng chưa có số liệu/) });
    const error = (await attempt.catch((e: unknown) => e)) as { details: { checklist: { items: Array<{ kind: string; target: string }> } } };
    const kinds = new Set(error.details.checklist.items.map((i) => i.kind));
    expect([...kinds]).toEqual(['row', 'section', 'field', 'early']);
    expect(error.details.checklist.items.filter((i) => i.kind === 'field').map((i) => i.target)).toEqual(['signature.name']);
    expect(error.details.checklist.items.filter((i) => i.kind === 'row')).toHaveLength(58);
    // The Gửi button shows the same list.
    const shown = await checkSubmission(store, officerA, draft.report.id);
    expect(shown.items.map((i) => i.target)).toEqual(error.details.checklist.items.map((i) => i.target));
    expect(shown).toMatchObject({ ready: false, early: true, windowTo: draft.report.windowTo });
    // Anyone outside the unit's subtree is refused.
    await expect(checkSubmission(store, officerB, draft.report.id)).rejects.toMatchObject({ status: 403 });

    await completeReport(store, officerA, draft.report.id);
    expect((await checkSubmission(store, officerA, draft.report.id)).items.map((i) => i.kind)).toEqual(['early']);
    expect(await checkSubmission(store, officerA, draft.report.id, 'Cán bộ nghỉ phép.')).toMatchObject({ ready: true, items: [] });
    await expect(transitionReport(store, officerA, draft.report.id, 'submit', { earlyReason: '  ' })).rejects.toThrow(/gửi trước cần ghi lý do gửi sớm/);
    const sent = await transitionReport(store, officerA, draft.report.id, 'submit', { earlyReason: 'Cán bộ một cửa nghỉ phép từ ngày 10.' });
    expect(sent.report.status).toBe('submitted');
    expect(sent.events.at(-1)).toMatchObject({ action: 'submit', earlyReason: 'Cán bộ một cửa nghỉ phép từ ngày 10.' });
    const seen = await getReport(store, reviewer, draft.report.id);
    expect(seen.attention.early).toMatchObject({ reason: 'Cán bộ một cửa nghỉ phép từ ngày 10.', windowTo: draft.report.windowTo });
  });

  it('holds back in a bulk approval the reports that need their own look, unless confirmed one by one', async () => {
    const early = (await store.reports.find(ids.A!, T, current.id))!;
    const draft = await computeReport(store, officerB, { unitId: ids.B!, templateId: T, periodId: '2026-Q1' });
    await updateReportValues(store, officerB, draft.report.id, {
      changes: [{ rowId: 'r_3_4_5', value: 100, reason: 'Hồ sơ toàn trình nộp trên Cổng quốc gia chưa đồng bộ về phần mềm một cửa.' }],
    });
    await completeReport(store, officerB, draft.report.id, { values: { r_2_1: '-' } });
    await transitionReport(store, officerB, draft.report.id, 'submit');
    const corrected = await getReport(store, reviewer, draft.report.id);
    expect(corrected.attention.overrides).toEqual([
      { rowId: 'r_3_4_5', label: expect.stringMatching(/^3\.4\.5\. /), value: 100, computed: null, reason: 'Hồ sơ toàn trình nộp trên Cổng quốc gia chưa đồng bộ về phần mềm một cửa.' },
    ]);
    expect(corrected.attention.notApplicable.map((r) => r.rowId)).toEqual(['r_2_1']);

    const preview = await previewApproveMany(store, reviewer, [early.id, draft.report.id]);
    expect(preview.map((p) => [p.unitName, p.reasons.length])).toEqual([
      ['Xã Ba Bể', 1],
      ['Xã Chợ Đồn', 2],
    ]);
    expect(preview[1]!.reasons).toEqual(['1 số liệu tự động đã được sửa tay', '1 dòng bắt buộc ghi "không phát sinh"']);
    await expect(previewApproveMany(store, officerB, [early.id])).rejects.toMatchObject({ status: 403 });

    const held = await approveMany(store, reviewer, [early.id, draft.report.id], { confirmedCount: 2, confirmedFlagged: [draft.report.id] });
    expect(held).toEqual([
      { reportId: early.id, ok: false, needsReview: true, message: expect.stringContaining('Chưa duyệt: báo cáo của Xã Ba Bể cần xem riêng — gửi trước khi hết kỳ lấy số liệu') },
      { reportId: draft.report.id, ok: true, message: 'Đã duyệt báo cáo của Xã Chợ Đồn.' },
    ]);
    expect((await store.reports.findById(early.id))!.status).toBe('submitted');
  });

  it('shows, after a return, what changed since the returned version: figures and words', async () => {
    const report = (await store.reports.find(ids.A!, T, current.id))!;
    expect(await changesSinceReturn(store, reviewer, report.id)).toBeNull();
    await transitionReport(store, reviewer, report.id, 'return', { comment: 'Số văn bản chỉ đạo chưa đúng.' });
    const returned = await getReport(store, officerA, report.id);
    await updateReportValues(store, officerA, report.id, { changes: [{ rowId: 'r_1_3', value: 4 }], expectedRevision: returned.report.revision });
    const doc = await getReportDocument(store, officerA, report.id);
    const narrative = { ...doc.narrative, sections: doc.narrative.sections.map((s) => (s.id === 'iv_tasks' ? { ...s, blocks: [paragraph('Rà soát lại văn bản chỉ đạo.')] } : s)) };
    await updateReportDocument(store, officerA, report.id, { narrative });
    const fixing = await changesSinceReturn(store, officerA, report.id);
    expect(fixing).toMatchObject({ comparedWith: 'current', comment: 'Số văn bản chỉ đạo chưa đúng.' });
    await transitionReport(store, officerA, report.id, 'resubmit', { earlyReason: 'Cán bộ một cửa nghỉ phép từ ngày 10.' });
    const changes = (await changesSinceReturn(store, reviewer, report.id))!;
    expect(changes.comparedWith).toBe('submitted');
    expect(changes.values).toEqual([{ rowId: 'r_1_3', label: expect.stringMatching(/^1\.3\. /), before: 0, after: 4 }]);
    expect(changes.text).toEqual([
      { target: 'iv_tasks', label: expect.stringMatching(/^IV\. Phương hướng, nhiệm vụ/), before: expect.stringContaining('Đơn vị đã triển khai'), after: 'Rà soát lại văn bản chỉ đạo.' },
    ]);
    await expect(changesSinceReturn(store, officerB, report.id)).rejects.toMatchObject({ status: 403 });
  });
});
