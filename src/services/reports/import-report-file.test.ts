import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, childrenNamed, openDocx, textOf } from '../../export/fixtures/ooxml';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { addUser } from '../users/add-user';
import { computeReport, getReport, updateReportValues } from './compute-report';
import { exportInterchange } from './export-report';
import { importReportFile } from './import-report-file';
import { getReportDocument } from './report-document';
import { transitionReport } from './report-workflow';
import { checkSubmission } from './submission-check';

/** The complete example of docs/interchange.md. */
const example = JSON.parse(readFileSync(new URL('../../../docs/examples/bao-cao-xa-ba-be-2026-Q1.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
  values: Record<string, unknown>;
  meta: Record<string, unknown>;
};

describe('the documented interchange example', () => {
  it('prints as DOCX and XLSX with "cchc export" as it is: "-" where not applicable, the signer, the sections', async () => {
    const docx = await openDocx((await exportInterchange(example, 'docx')).buffer);
    const rows = all(docx.document, 'w:tr').map((tr) => childrenNamed(tr, 'w:tc').map((tc) => textOf(tc).trim()));
    expect(rows.find((cells) => cells[0] === '4.1.5.')?.at(-1)).toBe('-');
    expect(rows.find((cells) => cells[0] === '2.4.')?.at(-1)).toBe('-');
    expect(rows.find((cells) => cells[0] === '4.1.1.')?.at(-1)).toBe('22');
    expect(docx.documentXml).toContain('Hoàng Văn Minh');
    expect(docx.documentXml).toContain('Rà soát 4 văn bản quy phạm pháp luật');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportInterchange(example, 'xlsx')).buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const line = (code: string) => sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === code)!;
    expect(line('4.1.5.').getCell(4).value).toBe('-');
    expect(line('6.1.').getCell(4).value).toBe(27.01);
  });
});

describe(`cchc report import / POST /api/reports/import (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let officer: SessionUser;
  let other: SessionUser;
  let reviewer: SessionUser;
  let units: Record<string, number>;

  const as = async (username: string, role: 'officer' | 'reviewer', unitId: number): Promise<SessionUser> => {
    const { user } = await addUser(store, { username, displayName: `Người ${username}`, password: 'mat-khau-dai-du', role, unitId });
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(unitId))! };
  };

  beforeAll(async () => {
    store = await openTestStore();
    const P = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    const A = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
    const B = await store.units.insert({ code: '02020', name: 'Xã Chợ Đồn', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
    units = { P, A, B };
    officer = await as('can.bo.a', 'officer', A);
    other = await as('can.bo.b', 'officer', B);
    reviewer = await as('tham.dinh', 'reviewer', P);
  }, 60_000);
  afterAll(async () => store.dispose());

  it('loads the example into a new report: values read the Vietnamese way, a note justifies its warning, the document is saved; it is ready to send', async () => {
    const result = await importReportFile(store, officer, example);
    expect(result).toMatchObject({ created: true, overridden: [], justified: 1, documentSaved: true });
    const { view } = result;
    expect(view.report).toMatchObject({ periodId: '2026-Q1', status: 'draft', templateId: 'mac-dinh-xa' });
    const value = (id: string) => view.values.get(id)?.value;
    expect([value('r_4_1_5'), value('r_6_1_a'), value('r_6_1_b'), value('r_3_2_6'), value('r_2_4')]).toEqual(['-', 4500, 1215.5, 85.5, '-']);
    expect(view.values.get('r_4_1_5')?.provenance).toBe('entered');
    expect(view.justifications).toEqual([{ rule: 'staff_present_not_more_than_quota', rowId: 'r_4_1_2', text: expect.stringContaining('điều động tăng cường') }]);
    const doc = await getReportDocument(store, officer, view.report.id);
    expect(doc.meta).toMatchObject({ number: '15', date: '2026-03-18', issuer: ['ỦY BAN NHÂN DÂN', 'XÃ BA BỂ'], signature: { authority: 'KT.', name: 'Hoàng Văn Minh' } });
    expect(await checkSubmission(store, officer, view.report.id)).toMatchObject({ ready: true, items: [] });
    const history = await store.reports.history(view.report.id);
    expect(history[0]).toMatchObject({ action: 'import', userName: 'Người can.bo.a' });
    // Loading the same file again changes nothing.
    const again = await importReportFile(store, officer, example);
    expect(again).toMatchObject({ created: false, changed: [] });
  });

  it('needs a reason in "notes" to change a computed figure, and keeps it as the correction’s reason', async () => {
    const file = { ...example, values: { ...example.values, '3.4.2.': 16 }, notes: {} };
    await expect(importReportFile(store, officer, file)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('Dòng 3.4.2. Số hồ sơ tiếp nhận trong kỳ được tính tự động (hệ thống tính 0); tệp ghi 16: sửa số liệu cần lý do trong "notes".'),
    });
    const before = await store.reports.find(units.A!, 'mac-dinh-xa', '2026-Q1');
    // Nothing of the refused file was stored, not even its other figures.
    expect((await getReport(store, officer, before!.id)).values.get('r_4_1_2')?.value).toBe(23);
    const noted = await importReportFile(store, officer, { ...file, notes: { '3.4.2.': 'Một hồ sơ nộp qua bưu chính chưa nhập vào phần mềm.' } });
    expect(noted.overridden).toEqual(['r_3_4_2']);
    expect(noted.view.values.get('r_3_4_2')).toMatchObject({ value: 16, provenance: 'overridden', computed: 0, reason: 'Một hồ sơ nộp qua bưu chính chưa nhập vào phần mềm.' });
    expect(noted.view.attention.overrides.map((o) => o.rowId)).toEqual(['r_3_4_2']);
    // A row the file leaves out stays as it is.
    const untouched = await importReportFile(store, officer, { ...example, values: { '1.3.': 4 } });
    expect(untouched.view.values.get('r_3_4_2')?.provenance).toBe('overridden');
  });

  it('names every problem of a bad file at once, and refuses foreign units and reports already sent', async () => {
    const bad = {
      ...example,
      values: { ...example.values, '9.9.': 1, r_1: 3 },
      narrative: { sections: [{ id: 'i_direction', blocks: [] }] },
    };
    const refused = importReportFile(store, officer, bad);
    await expect(refused).rejects.toMatchObject({ status: 400 });
    const message = ((await refused.catch((e: Error) => e)) as Error).message;
    expect(message).toContain('Biểu mẫu "mac-dinh-xa" không có dòng "9.9.".');
    expect(message).toContain('Dòng tiêu đề 1. Công tác chỉ đạo, điều hành CCHC không nhận số liệu.');
    expect(message).toContain('Nội dung báo cáo (narrative) không hợp lệ (các mục');
    await expect(importReportFile(store, officer, { ...example, templateVersion: '2020.1' })).rejects.toThrow('tệp ghi phiên bản 2020.1');
    await expect(importReportFile(store, officer, { ...example, period: undefined })).rejects.toThrow('Tệp cần trường "period"');
    await expect(importReportFile(store, officer, { ...example, meta: { signature: { authority: 'KT.', signerTitle: '' } } })).rejects.toThrow(/Thông tin văn bản \(meta\) không hợp lệ \(người ký/);
    await expect(importReportFile(store, officer, { ...example, values: { '1.3.': 'x'.repeat(5000) } })).rejects.toThrow(/values\.1\.3\./);
    // Another commune's file, an unknown code and a reviewer are all refused alike.
    for (const [who, unit] of [[other, '01906'], [officer, '99999'], [reviewer, '01906']] as const) {
      await expect(importReportFile(store, who, { ...example, unit })).rejects.toMatchObject({ status: 403 });
    }

    const report = (await store.reports.find(units.A!, 'mac-dinh-xa', '2026-Q1'))!;
    // A blank for a corrected figure gives it back to the system.
    const reverted = await importReportFile(store, officer, { ...example, values: { '3.4.2.': null } });
    expect(reverted.view.values.get('r_3_4_2')).toMatchObject({ provenance: 'computed', value: 0 });
    await transitionReport(store, officer, report.id, 'submit');
    await expect(importReportFile(store, officer, example)).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('Báo cáo đang ở trạng thái "Đã gửi, chờ duyệt" nên không nhập số liệu từ tệp được.'),
    });
    // A returned report takes the file again.
    await transitionReport(store, reviewer, report.id, 'return', { comment: 'Sửa số liệu 3.4.2.' });
    const fixed = await importReportFile(store, officer, { ...example, values: { '1.3.': 5 } });
    expect([fixed.view.report.status, fixed.view.values.get('r_1_3')?.value]).toEqual(['returned', 5]);
  });

  it('starts from the report the officer already has, keeping rows the file leaves out', async () => {
    const draft = await computeReport(store, other, { unitId: units.B!, templateId: 'mac-dinh-xa', periodId: '2026-Q2' });
    await updateReportValues(store, other, draft.report.id, { changes: [{ rowId: 'r_1_3', value: 7 }] });
    const result = await importReportFile(store, other, { template: 'mac-dinh-xa', period: '2026-Q2', values: { '1.6.1.': '1.250', '1.7.': 'Không phát sinh' } });
    expect(result.created).toBe(false);
    expect([result.view.values.get('r_1_3')?.value, result.view.values.get('r_1_6_1')?.value, result.view.values.get('r_1_7')?.value]).toEqual([7, 1250, '-']);
    expect(result.changed.sort()).toEqual(['r_1_6_1', 'r_1_7']);
  });
});
