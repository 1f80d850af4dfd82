import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngineName } from '../../store/testing/test-store';
import { loginAs, openHttpFixture } from '../testing/http-fixture';

const T = 'mac-dinh-xa';
/** The complete example of docs/interchange.md (Xã Ba Bể, 2026-Q1). */
const example = JSON.parse(readFileSync(new URL('../../../docs/examples/bao-cao-xa-ba-be-2026-Q1.json', import.meta.url), 'utf8'));

describe(`submission, review and roll-up over HTTP (${testEngineName()})`, () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  type Session = Awaited<ReturnType<typeof loginAs>>;
  let a: Session;
  let b: Session;
  let reviewer: Session;
  beforeAll(async () => {
    fx = await openHttpFixture();
    [a, b, reviewer] = [await loginAs(fx.app, 'officer.a'), await loginAs(fx.app, 'officer.b'), await loginAs(fx.app, 'reviewer')];
  }, 60_000);
  afterAll(async () => fx.close());

  const call = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    fx.app.inject({ method, url, cookies: session.cookies, headers: { 'x-csrf-token': session.csrf }, ...(payload ? { payload } : {}) });

  /** The unit's 2026-Q1 report: the two task counts typed, everything else loaded from the documented example file. */
  const fileReport = async (session: Session, unitId: number, values: Record<string, number>) => {
    const created = await call(session, 'POST', '/api/reports', { unitId, templateId: T, periodId: '2026-Q1' });
    expect(created.statusCode, created.body).toBe(200);
    const report = created.json();
    const patched = await call(session, 'PATCH', `/api/reports/${report.id}/values`, {
      changes: Object.entries(values).map(([rowId, value]) => ({ rowId, value })),
      expectedRevision: report.revision,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const unit = patched.json().unit;
    const rest = Object.fromEntries(Object.entries(example.values).filter(([key]) => !['r_1_2_a', 'r_1_2_b', '1.2.'].includes(key)));
    const imported = await call(session, 'POST', '/api/reports/import', { ...example, unit: unit.code, values: rest, meta: { ...example.meta, unitName: `UBND ${unit.name}` } });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ created: false, justified: 1, documentSaved: true, report: { id: report.id, status: 'draft' } });
    return imported.json().report;
  };

  it('plays the loop with the actions each person may take', async () => {
    // A report with nothing in it cannot be sent: the refusal lists every missing row, section and field.
    const empty = (await call(a, 'POST', '/api/reports', { unitId: fx.units.A, templateId: T, periodId: '2026-Q3' })).json();
    const check = await call(a, 'GET', `/api/reports/${empty.id}/submission-check`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({ ready: false, early: false, windowTo: '2026-09-14' });
    const refused = await call(a, 'POST', `/api/reports/${empty.id}/transitions`, { action: 'submit' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.checklist.items).toEqual(check.json().items);
    expect(new Set(check.json().items.map((i: { kind: string }) => i.kind))).toEqual(new Set(['row', 'section', 'field']));
    expect((await call(b, 'GET', `/api/reports/${empty.id}/submission-check`)).statusCode).toBe(403);

    const reportA = await fileReport(a, fx.units.A, { r_1_2_a: 10, r_1_2_b: 9 });
    expect(reportA.actions.map((x: { action: string }) => x.action)).toEqual(['edit', 'submit']);
    expect((await call(a, 'GET', `/api/reports/${reportA.id}/submission-check`)).json()).toMatchObject({ ready: true, items: [] });
    expect((await call(b, 'GET', `/api/reports/${reportA.id}`)).statusCode).toBe(403);
    const submitted = await call(a, 'POST', `/api/reports/${reportA.id}/transitions`, { action: 'submit' });
    expect(submitted.json()).toMatchObject({ status: 'submitted', statusLabel: 'Đã gửi, chờ duyệt', actions: [] });
    const forbidden = await call(a, 'POST', `/api/reports/${reportA.id}/transitions`, { action: 'approve' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.message).toMatch(/Chỉ cán bộ thẩm định/);
    const asReviewer = (await call(reviewer, 'GET', `/api/reports/${reportA.id}`)).json();
    expect(asReviewer.actions).toEqual([
      { action: 'return', label: 'Trả lại' },
      { action: 'approve', label: 'Duyệt' },
    ]);
    const noReason = await call(reviewer, 'POST', `/api/reports/${reportA.id}/transitions`, { action: 'return' });
    expect([noReason.statusCode, noReason.json().error.message]).toEqual([400, 'Trả lại báo cáo cần ghi lý do.']);
    await call(reviewer, 'POST', `/api/reports/${reportA.id}/transitions`, { action: 'return', comment: 'Kiểm tra lại mục 1.2.' });
    const inboxA = (await call(a, 'GET', '/api/inbox')).json();
    expect(inboxA.items).toContainEqual(expect.objectContaining({ kind: 'returned', reportId: reportA.id, comment: 'Kiểm tra lại mục 1.2.' }));
    await call(a, 'PATCH', `/api/reports/${reportA.id}/values`, { changes: [{ rowId: 'r_1_3', value: 4 }] });
    const resubmitted = await call(a, 'POST', `/api/reports/${reportA.id}/transitions`, { action: 'resubmit' });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const changes = (await call(reviewer, 'GET', `/api/reports/${reportA.id}/changes-since-return`)).json().changes;
    expect(changes).toMatchObject({ comment: 'Kiểm tra lại mục 1.2.', comparedWith: 'submitted', values: [{ rowId: 'r_1_3', before: 3, after: 4 }], text: [] });

    const reportB = await fileReport(b, fx.units.B, { r_1_2_a: 200, r_1_2_b: 100 });
    await call(b, 'POST', `/api/reports/${reportB.id}/transitions`, { action: 'submit' });
    const waiting = (await call(reviewer, 'GET', '/api/inbox')).json().items.filter((i: { kind: string }) => i.kind === 'review');
    expect(waiting.map((i: { reportId: number }) => i.reportId).sort()).toEqual([reportA.id, reportB.id].sort());
    // Both carry required rows marked "không phát sinh" (4.1.5, 2.4): a bulk approval holds them back until confirmed one by one.
    const preview = await call(reviewer, 'POST', '/api/reports/approve-many/preview', { reportIds: [reportA.id, reportB.id] });
    expect(preview.json().reports.map((r: { reasons: string[] }) => r.reasons)).toEqual([['3 dòng bắt buộc ghi "không phát sinh"'], ['3 dòng bắt buộc ghi "không phát sinh"']]);
    const unconfirmed = await call(reviewer, 'POST', '/api/reports/approve-many', { reportIds: [reportA.id, reportB.id] });
    expect(unconfirmed.statusCode).toBe(400);
    const held = await call(reviewer, 'POST', '/api/reports/approve-many', { reportIds: [reportA.id, reportB.id], confirmedCount: 2 });
    expect(held.json().outcomes.map((o: { ok: boolean; needsReview?: boolean }) => [o.ok, o.needsReview])).toEqual([
      [false, true],
      [false, true],
    ]);
    const bulk = await call(reviewer, 'POST', '/api/reports/approve-many', { reportIds: [reportA.id, reportB.id], confirmedCount: 2, confirmedFlagged: [reportA.id, reportB.id] });
    expect(bulk.json().outcomes.map((o: { ok: boolean }) => o.ok)).toEqual([true, true]);
    const timeline = (await call(a, 'GET', `/api/reports/${reportA.id}`)).json().events;
    expect(timeline.map((e: { actionLabel: string }) => e.actionLabel)).toEqual(['Gửi báo cáo', 'Trả lại', 'Gửi lại', 'Duyệt']);
  });

  it('rolls the province up exactly and exports one column per commune', async () => {
    const response = await call(reviewer, 'GET', `/api/rollup?unitId=${fx.units.P}&templateId=${T}&periodId=2026-Q1`);
    expect(response.statusCode, response.body).toBe(200);
    const rollup = response.json();
    const row = (id: string) => rollup.values.find((v: { rowId: string }) => v.rowId === id);
    expect(row('r_1_2_a').value).toBe(210);
    expect([row('r_1_2').numerator, row('r_1_2').denominator, row('r_1_2').value]).toEqual([109, 210, 51.9]);
    expect(row('r_1_2_b').contributions.map((c: { unitId: number; value: number }) => [c.unitId, c.value])).toEqual([
      [fx.units.A, 9],
      [fx.units.B, 100],
    ]);
    const file = await call(reviewer, 'GET', `/api/rollup/export.xlsx?unitId=${fx.units.P}&templateId=${T}&periodId=2026-Q1`);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headerRow = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === 'STT')!;
    expect([4, 5, 6, 7].map((c) => headerRow.getCell(c).value)).toEqual(['Tổng hợp', 'Phạm vi tổng hợp', 'Xã Ba Bể', 'Xã Chợ Đồn']);
    const planRow = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === '1.2.')!;
    expect([4, 5, 6, 7].map((c) => planRow.getCell(c).value)).toEqual([51.9, '2/2 đơn vị', 90, 50]);
    expect(row('r_1_2')).toMatchObject({ coverage: { counted: 2, expected: 2, notApplicable: 0, leftOut: [] }, coverageText: '2/2 đơn vị' });
    const officer = await call(a, 'GET', `/api/rollup?unitId=${fx.units.P}&templateId=${T}&periodId=2026-Q1`);
    expect(officer.statusCode).toBe(403);
  });

  it('sets an obligation and reports completeness, with the reminder list as XLSX', async () => {
    const denied = await call(a, 'PUT', '/api/obligations', { unitId: fx.units.P, templateId: T, periodKinds: ['quarter'], deadlineDays: 5 });
    expect(denied.statusCode).toBe(403);
    const set = await call(reviewer, 'PUT', '/api/obligations', { unitId: fx.units.P, templateId: T, periodKinds: ['quarter'], deadlineDays: 7 });
    expect(set.statusCode, set.body).toBe(200);
    const bad = await call(reviewer, 'PUT', '/api/obligations', { unitId: fx.units.P, templateId: T, periodKinds: ['month'], deadlineDays: 7 });
    expect(bad.json().error.message).toMatch(/không dùng cho kỳ: month/);
    const matrix = (await call(reviewer, 'GET', `/api/completeness?unitId=${fx.units.P}&templateId=${T}&periodIds=2026-Q1,2026-Q2`)).json();
    expect(matrix.periods.map((p: { deadline: string }) => p.deadline)).toEqual(['2026-03-23', '2026-06-22']);
    expect(matrix.totals.expected).toBe(4);
    expect(matrix.cells.filter((c: { state: string }) => c.state === 'approved')).toHaveLength(2);
    const xlsx = await call(reviewer, 'GET', `/api/completeness/reminders.xlsx?unitId=${fx.units.P}&templateId=${T}&periodIds=2026-Q1,2026-Q2`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(4).values).toEqual([undefined, 'STT', 'Mã đơn vị', 'Đơn vị', 'Kỳ báo cáo', 'Hạn gửi', 'Tình trạng', 'Đúng/trễ hạn', 'Số ngày quá hạn']);
    expect([sheet.getRow(5).getCell(3).value, sheet.getRow(5).getCell(4).value, sheet.getRow(5).getCell(6).value]).toEqual(['Xã Ba Bể', 'Quý II năm 2026', 'Chưa lập']);
    expect(sheet.rowCount).toBe(6);
  });

  it('refuses a stale edit of the same row with a Vietnamese conflict and shows the audit log', async () => {
    const created = (await call(a, 'POST', '/api/reports', { unitId: fx.units.A, templateId: T, periodId: '2026-Q2' })).json();
    const admin = await loginAs(fx.app, 'admin');
    await call(admin, 'PATCH', `/api/reports/${created.id}/values`, { changes: [{ rowId: 'r_1_2_a', value: 5 }], expectedRevision: created.revision });
    const stale = await call(a, 'PATCH', `/api/reports/${created.id}/values`, { changes: [{ rowId: 'r_1_2_a', value: 6 }], expectedRevision: created.revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/người khác đã sửa "Số nhiệm vụ đề ra trong kế hoạch" \(admin\)/);
    const history = (await call(reviewer, 'GET', `/api/reports/${created.id}/history`)).json();
    expect(history.entries[0]).toMatchObject({ userName: 'admin', action: 'edit', changes: { r_1_2_a: { before: 10, after: 5 } } });
  });

  it('checks an interchange file: "-" is no error, a rate over 0/0 a warning, a blank rate an information finding', async () => {
    const seed = JSON.parse(readFileSync(new URL('../../services/reports/fixtures/thinh-duc-2024-q1.json', import.meta.url), 'utf8'));
    const response = await call(a, 'POST', '/api/reports/check', seed);
    expect(response.statusCode, response.body).toBe(200);
    const findings = response.json().findings as Array<{ row: string; rule: string; severity: string }>;
    expect(findings.filter((f) => f.row === 'r_2_2')).toEqual([]);
    expect(findings.filter((f) => f.row === 'r_2_4').map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning rate_not_computable']);
    expect(findings.filter((f) => f.row === 'r_6_1').map((f) => `${f.severity} ${f.rule}`)).toEqual(['information formula_blank']);
  });

  it('documents the new endpoints in the OpenAPI file', async () => {
    const paths = Object.keys((await fx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/reports/{reportId}/transitions',
        '/api/completeness',
        '/api/rollup',
        '/api/rollup/discrepancies',
        '/api/inbox',
        '/api/obligations',
        '/api/reports/{reportId}/submission-check',
        '/api/reports/{reportId}/changes-since-return',
        '/api/reports/approve-many/preview',
        '/api/reports/import',
      ]),
    );
  });
});
