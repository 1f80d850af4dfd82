import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultNarrative } from '../../domain/narrative/narrative';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { generateDemoDossiers } from '../demo/seed-demo-dossiers';
import type { SessionUser } from '../auth/session-user';
import { addUser } from '../users/add-user';
import { computeReport } from './compute-report';
import { exportFileName, exportReport, findSoffice } from './export-report';
import { getReportDocument, updateReportDocument, updateReportMeta, updateReportNarrative } from './report-document';

describe(`report document and export (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let communeId: number;
  let oldCommuneId: number;
  beforeAll(async () => {
    store = await openTestStore();
    const province = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    communeId = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: province, validFrom: '2025-07-01', validTo: null });
    const district = await store.units.insert({ code: '288', name: 'Huyện Thanh Miện', level: 'district', parentId: province, validFrom: null, validTo: '2025-06-30' });
    oldCommuneId = await store.units.insert({ code: '10999', name: 'Xã Lê Hồng', level: 'commune', parentId: district, validFrom: null, validTo: '2025-06-30' });
    const commune = (await store.units.findById(communeId))!;
    await generateDemoDossiers(store, { unit: commune, count: 600, from: '2025-10-01', to: '2026-06-30', seed: 5 });
  }, 120_000);
  afterAll(async () => store.dispose());
  const sessionUser = async (username: string, unitId: number): Promise<SessionUser> => {
    const { user } = await addUser(store, { username, displayName: username, password: 'mat-khau-dai', role: 'officer', unitId });
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(unitId))! };
  };

  it('starts from defaults of the unit, the period and the window', async () => {
    const view = await computeReport(store, null, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    const doc = await getReportDocument(store, null, view.report.id);
    expect(doc.saved).toBe(false);
    expect(doc.meta).toMatchObject({
      parentBody: [],
      issuer: ['ỦY BAN NHÂN DÂN', 'XÃ BA BỂ'],
      unitName: 'UBND xã Ba Bể',
      number: null,
      symbol: 'BC-UBND',
      place: 'Ba Bể',
      summary: 'Kết quả thực hiện công tác cải cách hành chính quý I năm 2026',
      dataWindow: { from: view.report.windowFrom, to: view.report.windowTo },
      signature: { onBehalfOf: 'ỦY BAN NHÂN DÂN', headTitle: 'CHỦ TỊCH', name: '' },
      recipients: ['UBND tỉnh (Sở Nội vụ)', 'Lưu: VT.'],
    });
    expect(doc.meta.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ii2 = doc.narrative.sections[1]!.children!.find((s) => s.id === 'ii_2_procedures')!;
    const oneStop = ii2.blocks.find((b) => b.type === 'generated' && b.key === 'one_stop');
    expect(oneStop && oneStop.type === 'generated' && oneStop.text).toContain('hồ sơ');
    expect(doc.narrative.sections.find((s) => s.id === 'iv_tasks')!.title).toBe('Phương hướng, nhiệm vụ quý II năm 2026');
  });

  it('names the district above a commune from before 07/2025', async () => {
    const view = await computeReport(store, null, { unitId: oldCommuneId, templateId: 'mac-dinh-xa', periodId: '2024-Q1' });
    const doc = await getReportDocument(store, null, view.report.id);
    expect(doc.meta.parentBody).toEqual(['UBND HUYỆN THANH MIỆN']);
    expect(doc.meta.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ LÊ HỒNG']);
  });

  it('saves metadata and narrative, rejects bad fields in Vietnamese, and carries free text to the next report', async () => {
    const user = await sessionUser('van.thu', communeId);
    const q1 = (await store.reports.find(communeId, 'mac-dinh-xa', '2026-Q1'))!;
    const doc = await getReportDocument(store, user, q1.id);
    await updateReportMeta(store, user, q1.id, { ...doc.meta, number: '165', signature: { ...doc.meta.signature, name: 'Nguyễn Văn A' } });
    const narrative = structuredClone(doc.narrative);
    narrative.sections[0]!.blocks = [{ type: 'paragraph', runs: [{ text: 'Chỉ đạo quyết liệt <&> 🙂' }] }];
    const saved = await updateReportNarrative(store, user, q1.id, narrative);
    expect(saved.saved).toBe(true);
    expect(saved.meta.number).toBe('165');
    expect(saved.narrative.sections[0]!.blocks).toHaveLength(1);
    await expect(updateReportMeta(store, user, q1.id, { ...doc.meta, date: '2026-13-01' })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('ngày ban hành') });
    await expect(updateReportDocument(store, user, q1.id, { narrative: { sections: 'x' } })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('các mục') });

    const q2 = await computeReport(store, null, { unitId: communeId, templateId: 'mac-dinh-xa', periodId: '2026-Q2' });
    const next = await getReportDocument(store, null, q2.report.id);
    expect(next.narrative.sections[0]!.blocks).toEqual(narrative.sections[0]!.blocks);
    expect(next.meta.number).toBeNull();
    expect(next.meta.summary).toContain('quý II năm 2026');
    expect(next.narrative.sections.find((s) => s.id === 'iv_tasks')!.title).toBe('Phương hướng, nhiệm vụ quý III năm 2026');
  });

  it("lays a report's narrative on its template's outline; a saved narrative keeps its text and gains the new sections", async () => {
    const view = await computeReport(store, null, { unitId: communeId, templateId: 'hai-duong-xa-6thang', periodId: '2026-H1' });
    const fresh = await getReportDocument(store, null, view.report.id);
    const titles = (sections: typeof fresh.narrative.sections): string[] => sections.flatMap((s) => [s.title, ...titles(s.children ?? [])]);
    expect(titles(fresh.narrative.sections)).toEqual([
      'Công tác chỉ đạo, điều hành',
      'Ban hành Kế hoạch cải cách hành chính',
      'Về tổ chức chỉ đạo, điều hành cải cách hành chính',
      'Công tác kiểm tra cải cách hành chính',
      'Công tác tuyên truyền cải cách hành chính',
      'Kết quả thực hiện nhiệm vụ cải cách hành chính',
      'Cải cách thể chế',
      'Cải cách thủ tục hành chính',
      'Cải cách tổ chức bộ máy',
      'Cải cách chế độ công vụ',
      'Cải cách tài chính công',
      'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      'Đánh giá chung',
      'Ưu điểm',
      'Hạn chế',
      'Nguyên nhân của hạn chế',
      'Phương hướng, nhiệm vụ 6 tháng cuối năm 2026',
      'Kiến nghị, đề xuất',
    ]);

    // A narrative saved on the default outline (before the template had its own), with a section of its own.
    const old = defaultNarrative({ unitName: 'UBND xã Ba Bể', periodLabel: '6 tháng đầu năm 2026', nextPeriodLabel: '6 tháng cuối năm 2026' });
    old.sections[2]!.children![1]!.blocks = [{ type: 'paragraph', runs: [{ text: 'Tỷ lệ trực tuyến còn thấp.' }] }];
    old.sections.splice(1, 0, { id: 'rieng', title: 'Công tác dân vận', blocks: [{ type: 'paragraph', runs: [{ text: 'Đã tổ chức 3 cuộc đối thoại.' }] }] });
    await store.reportDocuments.save(view.report.id, { meta: fresh.meta, narrative: old }, null);
    const loaded = await getReportDocument(store, null, view.report.id);
    const flat = (sections: typeof loaded.narrative.sections): typeof loaded.narrative.sections => sections.flatMap((s) => [s, ...flat(s.children ?? [])]);
    const byId = new Map(flat(loaded.narrative.sections).map((s) => [s.id, s]));
    expect(byId.get('iii_2_weaknesses')).toMatchObject({ title: 'Hạn chế', blocks: [{ type: 'paragraph', runs: [{ text: 'Tỷ lệ trực tuyến còn thấp.' }] }] });
    expect(byId.get('iii_3_causes')).toMatchObject({ title: 'Nguyên nhân của hạn chế', blocks: [] });
    expect(byId.get('i_1_plan')).toMatchObject({ blocks: [] });
    expect(loaded.narrative.sections.map((s) => s.id)).toEqual(['i_direction', 'rieng', 'ii_results', 'iii_assessment', 'iv_tasks', 'v_proposals']);
    const ii2 = byId.get('ii_2_procedures')!;
    expect(ii2.blocks.filter((b) => b.type === 'generated').map((b) => b.type === 'generated' && b.key)).toEqual(['one_stop', 'one_stop_by_field']);

    const docx = await exportReport(store, null, view.report.id, 'docx');
    const xml = await (await JSZip.loadAsync(docx.buffer)).file('word/document.xml')!.async('string');
    const order = ['I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'II. CÔNG TÁC DÂN VẬN', 'III. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH', '2. Hạn chế', '3. Nguyên nhân của hạn chế', 'V. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026'];
    const positions = order.map((heading) => xml.indexOf(`>${heading}<`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('refuses edits from another unit and on a submitted report', async () => {
    const user = await sessionUser('nguoi.khac', oldCommuneId);
    const q1 = (await store.reports.find(communeId, 'mac-dinh-xa', '2026-Q1'))!;
    await expect(getReportDocument(store, user, q1.id)).rejects.toMatchObject({ status: 403 });
    await store.db.updateTable('reports').set({ status: 'submitted' }).where('id', '=', q1.id).execute();
    await expect(updateReportDocument(store, null, q1.id, { meta: (await getReportDocument(store, null, q1.id)).meta })).rejects.toMatchObject({ status: 409 });
    await store.db.updateTable('reports').set({ status: 'draft' }).where('id', '=', q1.id).execute();
  });

  it('exports DOCX with the unit name and saved number, and XLSX with the appendix', async () => {
    const q1 = (await store.reports.find(communeId, 'mac-dinh-xa', '2026-Q1'))!;
    const docx = await exportReport(store, null, q1.id, 'docx');
    expect(docx.fileName).toBe('bao-cao-cchc-01906-2026-Q1.docx');
    const xml = await (await JSZip.loadAsync(docx.buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('XÃ BA BỂ');
    expect(xml).toContain('165/BC-UBND');
    expect(xml).toContain('&lt;&amp;&gt;');
    const xlsx = await exportReport(store, null, q1.id, 'xlsx');
    expect(xlsx.fileName).toBe(exportFileName('01906', '2026-Q1', 'xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(10);
  });

  it.skipIf(!findSoffice())('exports PDF through LibreOffice', async () => {
    const q1 = (await store.reports.find(communeId, 'mac-dinh-xa', '2026-Q1'))!;
    const pdf = await exportReport(store, null, q1.id, 'pdf');
    expect(pdf.buffer.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.contentType).toBe('application/pdf');
  }, 120_000);

  it('says how to install LibreOffice when it is missing', async () => {
    const q1 = (await store.reports.find(communeId, 'mac-dinh-xa', '2026-Q1'))!;
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(exportReport(store, null, q1.id, 'pdf')).rejects.toThrow('sudo apt-get install libreoffice-writer-nogui');
    } finally {
      process.env.PATH = path;
    }
  });
});
