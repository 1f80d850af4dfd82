import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { generateDemoDossiers } from '../demo/seed-demo-dossiers';
import { computeReport, updateReportValues } from '../reports/compute-report';
import { addUser } from '../users/add-user';
import { deleteRegisterEntry, importRegister, listRegister, saveRegisterEntry } from './registers';
import { importUnitProcedures, listUnitProcedures, saveUnitProcedure } from './unit-procedures';

const dir = mkdtempSync(join(tmpdir(), 'cchc-lists-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const LIST_HEADER = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ,Hiệu lực từ,Hiệu lực đến,Niêm yết tại Bộ phận một cửa,Thực hiện theo cơ chế một cửa,Có quy trình nội bộ được phê duyệt,Quy trình nội bộ được điện tử hóa,Có phí/lệ phí,Tích hợp thanh toán trực tuyến';

describe(`procedure list and registers feed the report (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let communeId: number;
  let otherId: number;
  let officer: SessionUser;
  let stranger: SessionUser;

  beforeAll(async () => {
    store = await openTestStore();
    const province = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    communeId = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: province, validFrom: '2025-07-01', validTo: null });
    otherId = await store.units.insert({ code: '01907', name: 'Xã Chợ Đồn', level: 'commune', parentId: province, validFrom: '2025-07-01', validTo: null });
    const commune = (await store.units.findById(communeId))!;
    await generateDemoDossiers(store, { unit: commune, count: 300, from: '2025-12-01', to: '2026-06-30', seed: 5 });
    const as = async (username: string, unitId: number): Promise<SessionUser> => {
      const { user } = await addUser(store, { username, displayName: username, password: 'mat-khau-dai', role: 'officer', unitId });
      return { id: user.id, username, displayName: username, role: 'officer', unit: (await store.units.findById(unitId))! };
    };
    officer = await as('can.bo.ba.be', communeId);
    stranger = await as('can.bo.cho.don', otherId);
  }, 120_000);
  afterAll(async () => store.dispose());

  it('refuses a bad list file whole, naming every row and column, and stores nothing', async () => {
    const path = file(
      'dm-loi.csv',
      [LIST_HEADER, '1.001193,Đăng ký khai sinh,Hộ tịch,Xã,Toàn trình,32/01/2025,,Có,Có,Có,Có,Không,Không', '1.000894,,Hộ tịch,Xã,mức 7,01/01/2025,,có,có,có,có,có,chưa rõ'].join('\n'),
    );
    const error = await importUnitProcedures(store, officer, communeId, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).issues.map((i) => `${i.row}:${i.column}`)).toEqual([
      '2:Hiệu lực từ',
      '3:Tên thủ tục',
      '3:Mức độ',
      '3:Tích hợp thanh toán trực tuyến',
    ]);
    expect((await listUnitProcedures(store, officer, communeId)).procedures).toEqual([]);
    const missing = await importUnitProcedures(store, officer, communeId, file('thieu.csv', 'Mã thủ tục,Tên thủ tục\nA,B')).catch((e: unknown) => e);
    expect((missing as ImportRejectedError).issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [1, 'Lĩnh vực', 'thiếu cột này trong dòng tiêu đề.'],
      [1, 'Hiệu lực từ', 'thiếu cột này trong dòng tiêu đề.'],
    ]);
  });

  it('answers a foreign unit exactly as an unknown one', async () => {
    const path = file('dm.csv', `${LIST_HEADER}\nX1,Thủ tục X,Hộ tịch,Xã,Toàn trình,01/01/2025,,Có,Có,Có,Có,Không,Không`);
    const foreign = await importUnitProcedures(store, stranger, communeId, path).catch((e: unknown) => e);
    const unknown = await importUnitProcedures(store, stranger, 999_999, path).catch((e: unknown) => e);
    expect((foreign as Error).message).toBe((unknown as Error).message);
    expect(foreign).toMatchObject({ status: 403 });
    await expect(listRegister(store, stranger, communeId, 'staff')).rejects.toMatchObject({ status: 403 });
  });

  it('imports the list and the staff register, and the quarter report computes from them', async () => {
    const codes = (await store.procedures.all()).slice(0, 6).map((p) => p.code);
    const rows = codes.map((code, i) => {
      const mode = i < 2 ? 'Toàn trình' : i < 4 ? 'Một phần' : 'Cung cấp thông tin';
      return `${code},Thủ tục ${i},Hộ tịch,Xã,${mode},01/07/2025,,Có,Có,${i < 4 ? 'Có' : 'Không'},${i < 2 ? 'Có' : 'Không'},${i % 2 ? 'Có' : 'Không'},${i === 1 ? 'Có' : 'Không'}`;
    });
    // A procedure abolished in the quarter, one published in it.
    rows.push('9.999001,Thủ tục cũ,Đất đai,Xã,Một phần,01/01/2024,31/01/2026,Có,Có,Không,Không,Không,Không');
    rows.push('9.999002,Thủ tục mới,Đất đai,Xã,Toàn trình,10/01/2026,,Có,Có,Không,Không,Không,Không');
    const imported = await importUnitProcedures(store, officer, communeId, file('dm-ba-be.csv', [LIST_HEADER, ...rows].join('\n')));
    expect(imported).toMatchObject({ rows: 8, inserted: 8 });
    expect(await importUnitProcedures(store, officer, communeId, file('dm-ba-be.csv', [LIST_HEADER, ...rows].join('\n')))).toMatchObject({ unchanged: 8 });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cán bộ');
    sheet.addRow(['Chức danh', 'Họ và tên', 'Loại', 'Trình độ chuyên môn', 'Đạt chuẩn', 'Từ ngày', 'Đến ngày']);
    sheet.addRow(['Chủ tịch UBND', 'Nguyễn Văn A', 'Cán bộ', 'Đại học', 'Có', '01/07/2025', '']);
    sheet.addRow(['Công chức Văn phòng - Thống kê', 'Trần Thị B', 'Công chức', 'Đại học', 'Có', '01/07/2025', '']);
    sheet.addRow(['Công chức Tư pháp - Hộ tịch', '', 'Công chức', '', 'Không', '01/07/2025', '']);
    sheet.addRow(['Nhân viên hợp đồng', 'Lê C', 'Hợp đồng lao động', '', 'Không', '01/07/2025', '']);
    const xlsx = join(dir, 'can-bo.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    expect(await importRegister(store, officer, communeId, 'staff', xlsx)).toMatchObject({ rows: 4, replaced: 0 });

    const q1 = await computeReport(store, officer, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    const value = (id: string) => q1.values.get(id);
    expect(value('r_3_1_3')).toMatchObject({ value: 7, provenance: 'computed' }); // 6 + the new one; the old one ended
    expect([value('r_3_1_1')?.value, value('r_3_1_2')?.value]).toEqual([1, 1]);
    expect([value('r_3_3_1')?.value, value('r_3_3_2')?.value]).toEqual([3, 2]);
    expect([value('r_3_3_3_a')?.value, value('r_3_3_3_b')?.value, value('r_3_3_3')?.value]).toEqual([3, 1, 33.33]);
    expect(value('r_3_2_5')?.value).toBe(57.14); // 4 of 7 with an approved internal process
    expect(value('r_3_2_6')?.value).toBe(50);
    expect([value('r_4_1_1')?.value, value('r_4_1_2')?.value, value('r_4_1_3')?.value]).toEqual([3, 2, 1]);
    // The unit keeps no document register: that row is typed, as a manual one, without a reason.
    expect(value('r_7_3_1')).toBeUndefined();
    const typed = await updateReportValues(store, officer, q1.report.id, { changes: [{ rowId: 'r_7_3_1', value: 120 }] });
    expect(typed.values.get('r_7_3_1')).toMatchObject({ value: 120, provenance: 'entered' });
    // A figure from the list is the system's: changing it needs a reason.
    await expect(updateReportValues(store, officer, q1.report.id, { changes: [{ rowId: 'r_3_1_3', value: 9 }] })).rejects.toThrow(/cần ghi lý do/);
  });

  it('a register edited once feeds the next period without typing; the past period keeps its figures', async () => {
    const { entries } = await listRegister(store, officer, communeId, 'staff');
    const vacant = entries.find((e) => e.data.name === '')!;
    await saveRegisterEntry(
      store,
      officer,
      communeId,
      'staff',
      { position: String(vacant.data.position), name: 'Phạm Văn D', category: 'Công chức', standard_met: 'Có', startDay: '01/04/2026' },
    );
    await saveRegisterEntry(store, officer, communeId, 'staff', { position: String(vacant.data.position), name: '', category: 'Công chức', startDay: '01/07/2025', endDay: '31/03/2026' }, vacant.id);
    await expect(saveRegisterEntry(store, stranger, communeId, 'staff', { position: 'X', category: 'Cán bộ', startDay: '01/01/2026' }, vacant.id)).rejects.toMatchObject({ status: 403 });
    await expect(saveRegisterEntry(store, officer, communeId, 'staff', { position: '', category: 'Cán bộ', startDay: '01/01/2026' })).rejects.toThrow(
      'Cột "Chức danh": không được để trống.',
    );
    const q2 = await computeReport(store, officer, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q2' });
    expect([q2.values.get('r_4_1_1')?.value, q2.values.get('r_4_1_2')?.value]).toEqual([3, 3]);
    const q1 = await computeReport(store, officer, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    expect([q1.values.get('r_4_1_1')?.value, q1.values.get('r_4_1_2')?.value]).toEqual([3, 2]);
    const audit = await store.db.selectFrom('audit_log').select(['action', 'unit_id']).where('action', 'like', 'register.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['register.import', 'register.add', 'register.update']);
    expect(new Set(audit.map((a) => a.unit_id))).toEqual(new Set([communeId]));
  });

  it('a new version of a procedure ends the earlier one; a day register replaces the days it brings again', async () => {
    const first = (await listUnitProcedures(store, officer, communeId)).procedures[0]!;
    await saveUnitProcedure(store, officer, communeId, { code: first.code, name: first.name, field: first.field, mode: 'Toàn trình', validFrom: '01/05/2026', online_payment: 'Có' });
    const versions = (await listUnitProcedures(store, officer, communeId)).procedures.filter((p) => p.code === first.code);
    expect(versions.map((v) => [v.validFrom, v.validTo])).toEqual([
      ['2025-07-01', '2026-04-30'],
      ['2026-05-01', null],
    ]);
    const docs = file('vb.csv', 'Ngày,Loại văn bản,Tổng số,Hoàn toàn điện tử\n31/01/2026,Văn bản đi,40,38\n28/02/2026,Văn bản đi,50,45');
    await importRegister(store, officer, communeId, 'documents', docs);
    expect(await importRegister(store, officer, communeId, 'documents', docs)).toMatchObject({ rows: 2, replaced: 2 });
    const { entries } = await listRegister(store, officer, communeId, 'documents');
    expect(entries.map((e) => e.data.total)).toEqual([40, 50]);
    await deleteRegisterEntry(store, officer, communeId, 'documents', entries[0]!.id);
    expect((await listRegister(store, officer, communeId, 'documents')).entries).toHaveLength(1);
  });
});
