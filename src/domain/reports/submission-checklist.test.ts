import { describe, expect, it } from 'vitest';
import { defaultNarrative, paragraph, type Narrative } from '../narrative/narrative';
import { templateOutline } from '../narrative/outline';
import { loadTemplate } from '../templates/load-template';
import { validateValues, type RawValue } from '../templates/validate';
import { checklistSummary, requiredRows, submissionChecklist, type ChecklistInput } from './submission-checklist';

const template = loadTemplate(
  `
id: thu
version: "1"
title: Thử
issuer: Thử
levels: [district, commune]
periods: [quarter]
rows:
  - id: r_1
    code: "1."
    label: Tỷ lệ hoàn thành kế hoạch
    unit: "%"
    kind: percent
    source: { formula: "r_1_b / r_1_a * 100" }
    children:
      - { id: r_1_a, label: Số nhiệm vụ đề ra, kind: count }
      - { id: r_1_b, label: Số nhiệm vụ đã hoàn thành, kind: count }
  - { id: r_2, code: "2.", label: Số VBQPPL cấp huyện ban hành, kind: count, levels: [district] }
  - { id: r_3, code: "3.", label: Ghi chú thêm, kind: text, optional: true }
  - id: r_4
    code: "4."
    label: Kỷ luật
    kind: heading
    optional: true
    children:
      - { id: r_4_1, code: "4.1.", label: Số người bị kỷ luật, kind: count }
  - { id: r_5, code: "5.", label: Hồ sơ tiếp nhận, kind: count, source: { metric: received.in_period } }
  - { id: r_6, code: "6.", label: Số phiếu khảo sát, kind: count }
rules:
  - { id: r6_max, left: r_6, operator: "<=", right: "1000", severity: warning, message: Số phiếu lớn bất thường }
`,
  'thu.yaml',
);

const outline = templateOutline(template);
const emptyNarrative = defaultNarrative({ unitName: 'UBND xã A', periodLabel: 'Quý I năm 2026', outline });

/** Every required section with a sentence. */
function writtenNarrative(): Narrative {
  const fill = (sections: Narrative['sections']): Narrative['sections'] =>
    sections.map((s) => ({ ...s, blocks: [...s.blocks, paragraph(`Nội dung ${s.title}.`)], ...(s.children ? { children: fill(s.children) } : {}) }));
  return { ...emptyNarrative, sections: fill(emptyNarrative.sections) };
}

function input(values: Record<string, RawValue>, overrides: Partial<ChecklistInput> = {}): ChecklistInput {
  const map = new Map(Object.entries(values));
  return {
    template,
    level: 'commune',
    values: map,
    findings: validateValues(template, map),
    justifications: [],
    meta: { date: '2026-04-02', signature: { onBehalfOf: 'ỦY BAN NHÂN DÂN', authority: 'direct', headTitle: 'CHỦ TỊCH', signerTitle: null, name: 'Nguyễn Văn A' } },
    narrative: writtenNarrative(),
    outline,
    windowTo: '2026-03-14',
    today: '2026-04-02',
    ...overrides,
  };
}

describe('submission checklist', () => {
  it('requires every manual row of the unit’s level, not computed rows, not optional ones, not another level’s', () => {
    expect(requiredRows(template, 'commune').map((r) => r.id)).toEqual(['r_1_a', 'r_1_b', 'r_6']);
    expect(requiredRows(template, 'district').map((r) => r.id)).toEqual(['r_1_a', 'r_1_b', 'r_2', 'r_6']);
  });

  it('refuses the empty early report, listing everything at once', () => {
    const checklist = submissionChecklist(input({}, { narrative: emptyNarrative, meta: { date: '2026-03', signature: { onBehalfOf: null, authority: 'direct', headTitle: 'CHỦ TỊCH', signerTitle: null, name: ' ' } }, today: '2026-03-05' }));
    expect(checklist.ready).toBe(false);
    expect(checklist.early).toBe(true);
    const byKind = (kind: string) => checklist.items.filter((i) => i.kind === kind).map((i) => i.target);
    expect(byKind('row')).toEqual(['r_1_a', 'r_1_b', 'r_6']);
    // II.2 holds the generated one-stop paragraphs, but they have no text yet either.
    expect(byKind('section')).toEqual(['i_direction', 'ii_results', 'ii_1_institutions', 'ii_2_procedures', 'ii_3_organisation', 'ii_4_civil_service', 'ii_5_public_finance', 'ii_6_digital_government', 'iii_assessment', 'iv_tasks']);
    expect(byKind('field')).toEqual(['date', 'signature.name']);
    expect(byKind('early')).toEqual(['earlyReason']);
    const summary = checklistSummary(template, checklist);
    expect(summary).toMatch(/^Chưa gửi được báo cáo: còn 16 việc cần làm\. /);
    expect(summary).toContain('Dòng chưa có số liệu (nhập số, hoặc ghi "-" nếu không phát sinh): "Số nhiệm vụ đề ra" (trong 1), "Số nhiệm vụ đã hoàn thành" (trong 1), 6.');
    expect(summary).toContain('Mục chưa có nội dung: I. Công tác chỉ đạo, điều hành; II. Kết quả thực hiện; II.1. Cải cách thể chế;');
    expect(summary).toContain('Thông tin văn bản còn thiếu: Ngày ban hành; Người ký.');
    expect(summary).toContain('Kỳ lấy số liệu chưa kết thúc (đến hết ngày 14/03/2026): gửi trước cần ghi lý do gửi sớm.');
  });

  it('takes "không phát sinh" as an answer, 0 too; blank is none', () => {
    expect(submissionChecklist(input({ r_1_a: '-', r_1_b: '-', r_6: 0 })).items).toEqual([]);
    expect(submissionChecklist(input({ r_1_a: '-', r_1_b: '', r_6: 0 })).items.map((i) => i.target)).toEqual(['r_1_b']);
  });

  it('blocks on errors and unjustified warnings, never on information', () => {
    const withError = submissionChecklist(input({ r_1_a: 3, r_1_b: 5, r_6: 'nhiều' }));
    expect(withError.items.map((i) => `${i.kind}:${i.target}`)).toEqual(['error:number_valid|r_6']);
    const warned = input({ r_1_a: 3, r_1_b: 2, r_6: 5000 });
    expect(submissionChecklist(warned).items.map((i) => i.message)).toEqual([
      'Cảnh báo ở dòng 6. Số phiếu khảo sát chưa có lời giải trình: Số phiếu lớn bất thường (5.000 lớn hơn 1.000).',
    ]);
    expect(submissionChecklist({ ...warned, justifications: [{ rule: 'r6_max', rowId: 'r_6', text: 'Khảo sát cả năm.' }] }).ready).toBe(true);
    // A blank rate whose parts are given is an information finding only.
    const info = input({ r_1_a: 3, r_1_b: 2, r_6: 5 });
    expect(info.findings.map((f) => `${f.severity}:${f.rule}`)).toEqual(['information:formula_blank']);
    expect(submissionChecklist(info).ready).toBe(true);
  });

  it('lets an early submission through with its reason, and counts the cut-off day as still open', () => {
    const values = { r_1_a: 3, r_1_b: 2, r_6: 5 };
    const onCutoff = submissionChecklist(input(values, { today: '2026-03-14' }));
    expect(onCutoff).toMatchObject({ ready: false, early: true });
    expect(submissionChecklist(input(values, { today: '2026-03-14', earlyReason: 'Nghỉ Tết sớm.' }))).toMatchObject({ ready: true, early: true, items: [] });
    expect(submissionChecklist(input(values, { today: '2026-03-15' }))).toMatchObject({ ready: true, early: false });
  });

  it('counts a section written only in its parts, and generated paragraphs with text', () => {
    const narrative = writtenNarrative();
    const assessment = narrative.sections.find((s) => s.id === 'iii_assessment')!;
    assessment.blocks = [];
    expect(submissionChecklist(input({ r_1_a: 1, r_1_b: 1, r_6: 1 }, { narrative })).ready).toBe(true);
    const procedures = narrative.sections.find((s) => s.id === 'ii_results')!.children!.find((s) => s.id === 'ii_2_procedures')!;
    procedures.blocks = [{ type: 'generated', key: 'one_stop', text: 'Tiếp nhận 15 hồ sơ.', edited: null }];
    expect(submissionChecklist(input({ r_1_a: 1, r_1_b: 1, r_6: 1 }, { narrative })).ready).toBe(true);
    procedures.blocks = [{ type: 'generated', key: 'one_stop', text: '', edited: null }];
    expect(submissionChecklist(input({ r_1_a: 1, r_1_b: 1, r_6: 1 }, { narrative })).items.map((i) => i.target)).toEqual(['ii_2_procedures']);
  });
});
