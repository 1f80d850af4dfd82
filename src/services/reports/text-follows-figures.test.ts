import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editGenerated, type Block, type Narrative, type Section } from '../../domain/narrative/narrative';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { generateDemoDossiers } from '../demo/seed-demo-dossiers';
import { addUser } from '../users/add-user';
import { computeReport, updateReportValues } from './compute-report';
import { exportReport } from './export-report';
import { getReportDocument, updateReportNarrative } from './report-document';
import { checkSubmission } from './submission-check';

/*
 * Text that follows the figures (#11 item 4), on the real DOCX. An officer corrects an automatic
 * figure (dossiers received N → N+1, with a reason): the generated paragraph of section II.2 and
 * the appendix both print N+1. On a report whose paragraph the officer had edited by hand, the same
 * correction leaves the edit in place, marked outdated, and the submission checklist says so with
 * the figures that changed.
 */

const T = 'thai-nguyen-xa-quy';
/** The row of "received in the period" on the Thái Nguyên form (3.2.4, concept onestop.received). */
const RECEIVED = 'r_3_2_4_a';

const paragraphsOf = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

/** The text of each table row of the appendix, cell by cell. */
const tableRowsOf = (xml: string): string[][] =>
  [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );

function oneStopBlock(narrative: Narrative): Extract<Block, { type: 'generated' }> {
  const flat = (sections: Section[]): Section[] => sections.flatMap((s) => [s, ...flat(s.children ?? [])]);
  const ii2 = flat(narrative.sections).find((s) => s.id === 'ii_2_procedures')!;
  return ii2.blocks.find((b): b is Extract<Block, { type: 'generated' }> => b.type === 'generated' && b.key === 'one_stop')!;
}

describe(`text follows the figures (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let officer: SessionUser;
  beforeAll(async () => {
    store = await openTestStore();
    const province = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    const communeId = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: province, validFrom: '2025-07-01', validTo: null });
    const commune = (await store.units.findById(communeId))!;
    await generateDemoDossiers(store, { unit: commune, count: 400, from: '2025-10-01', to: '2026-06-30', seed: 11 });
    const { user } = await addUser(store, { username: 'can.bo', displayName: 'Cán bộ', password: 'mat-khau-dai', role: 'officer', unitId: communeId });
    officer = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: commune };
  }, 120_000);
  afterAll(async () => store.dispose());

  it('a corrected figure is printed the same in the paragraph and in the appendix of the DOCX', async () => {
    const view = await computeReport(store, officer, { unitId: officer.unit.id, templateId: T, periodId: '2026-Q1' });
    const computed = view.values.get(RECEIVED)!.value as number;
    expect(computed).toBeGreaterThan(0);
    const corrected = computed + 1;
    await updateReportValues(store, officer, view.report.id, { changes: [{ rowId: RECEIVED, value: corrected, reason: 'Một hồ sơ nhận qua bưu chính chưa nhập phần mềm.' }] });

    const docx = await exportReport(store, officer, view.report.id, 'docx');
    const xml = await (await JSZip.loadAsync(docx.buffer)).file('word/document.xml')!.async('string');
    const paragraph = paragraphsOf(xml).find((p) => p.startsWith('Trong kỳ báo cáo (từ ngày'))!;
    const printed = corrected.toLocaleString('vi-VN');
    expect(paragraph).toContain(`tiếp nhận ${printed} hồ sơ thủ tục hành chính`);
    expect(paragraph).not.toContain(`tiếp nhận ${computed.toLocaleString('vi-VN')} hồ sơ`);
    const appendixRow = tableRowsOf(xml).find((cells) => cells[1]?.startsWith('Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến)'))!;
    expect(appendixRow.at(-1)).toBe(printed);
    // The statistics' breakdown (direct, postal…) no longer adds up to the corrected figure: left out.
    expect(paragraph).not.toMatch(/trực tiếp \d/);
    // Nothing to warn about: the paragraph was not edited.
    expect((await checkSubmission(store, officer, view.report.id)).items.filter((i) => i.kind === 'text')).toEqual([]);
  });

  it('an edited paragraph is kept, marked outdated and listed in the checklist with the figures that changed', async () => {
    const view = await computeReport(store, officer, { unitId: officer.unit.id, templateId: T, periodId: '2026-Q2' });
    const computed = view.values.get(RECEIVED)!.value as number;
    const doc = await getReportDocument(store, officer, view.report.id);
    const block = oneStopBlock(doc.narrative);
    const edit = `${block.text} Bộ phận Một cửa đã hướng dẫn tận tình.`;
    Object.assign(block, editGenerated(block, edit));
    await updateReportNarrative(store, officer, view.report.id, doc.narrative);
    expect((await checkSubmission(store, officer, view.report.id)).items.filter((i) => i.kind === 'text')).toEqual([]);

    await updateReportValues(store, officer, view.report.id, { changes: [{ rowId: RECEIVED, value: computed + 1, reason: 'Sửa theo sổ theo dõi.' }] });
    const after = oneStopBlock((await getReportDocument(store, officer, view.report.id)).narrative);
    expect(after.edited?.text).toBe(edit);
    expect(after.edited?.basedOn).not.toBe(after.text);
    const items = (await checkSubmission(store, officer, view.report.id)).items.filter((i) => i.kind === 'text');
    expect(items).toHaveLength(1);
    expect(items[0]!.message).toContain(`${computed.toLocaleString('vi-VN')} → ${(computed + 1).toLocaleString('vi-VN')}`);
    expect(items[0]!.message).toMatch(/^Đoạn văn sinh từ số liệu ở mục II\.2\. .* đã sửa tay nhưng số liệu đã thay đổi/);
  });
});
