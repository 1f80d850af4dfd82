import { parseDocumentDate, type DocumentMeta } from '../narrative/document-meta';
import type { Narrative, OutlineSection } from '../narrative/narrative';
import { rowAppliesToLevel, type Template, type TemplateRow } from '../templates/template';
import { rowTitle, type Finding, type RawValue } from '../templates/validate';
import { formatDateVi } from '../text/iso-date';
import type { UnitLevel } from '../units/unit';
import { isComputedHere, isComputedRow, type ReportValue } from './report-values';
import { outdatedMessage, outdatedParagraphs } from './paragraph-figures-check';
import { numberedSections, sectionHasContent } from './section-text';

/**
 * What a report needs before it may be sent up, as one list (the same in the web app, the API and
 * the CLI): every required row has a value or "không phát sinh"; every section the template
 * requires has text; no paragraph generated from the figures was edited by hand and then left
 * behind by a changed figure; the document has its date and signer; no error and no warning without its
 * justification; and, before the data window has ended, a reason for sending early.
 */

export const CHECKLIST_KINDS = ['row', 'section', 'field', 'text', 'error', 'warning', 'early'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/** The heading of each group of the checklist, in the order they are listed. */
export const CHECKLIST_GROUPS: Record<ChecklistKind, string> = {
  row: 'Dòng chưa có số liệu (nhập số, hoặc ghi "-" nếu không phát sinh)',
  section: 'Mục chưa có nội dung',
  field: 'Thông tin văn bản còn thiếu',
  text: 'Cảnh báo: đoạn văn đã sửa tay không còn khớp số liệu',
  error: 'Lỗi phải sửa',
  warning: 'Cảnh báo chưa có lời giải trình',
  early: 'Gửi trước khi hết kỳ lấy số liệu',
};

export interface ChecklistItem {
  kind: ChecklistKind;
  /** The row id, the section id, the metadata field, or "rule|row" of a finding. */
  target: string;
  /** How the item is named: "1.3.1. Tổng số nhiệm vụ được giao", "I. Công tác chỉ đạo, điều hành", "Người ký". */
  label: string;
  /** The whole sentence, for a list read on its own (CLI, API). */
  message: string;
}

export interface SubmissionChecklist {
  /** Nothing stops the submission. */
  ready: boolean;
  items: ChecklistItem[];
  /** The data window has not ended: a submission needs a reason (given, or asked for in `items`). */
  early: boolean;
  windowTo: string;
}

export interface ChecklistInput {
  template: Template;
  level: UnitLevel;
  values: ReadonlyMap<string, RawValue>;
  /** The values with their provenance: a list row without data is then required like a manual one. */
  reportValues?: ReadonlyMap<string, ReportValue> | undefined;
  findings: readonly Finding[];
  justifications: ReadonlyArray<{ rule: string; rowId: string; text: string }>;
  meta: Pick<DocumentMeta, 'date' | 'signature'>;
  /** The narrative laid out on the template's outline, generated paragraphs filled. */
  narrative: Pick<Narrative, 'sections'>;
  outline: readonly OutlineSection[];
  windowTo: string;
  /** Today in Vietnam (ISO). */
  today: string;
  earlyReason?: string | null | undefined;
}

/** A row optional by itself or inside an optional row. */
function isOptional(template: Template, row: TemplateRow): boolean {
  for (let current: TemplateRow | undefined = row; current; current = current.parentId ? template.byId.get(current.parentId) : undefined) {
    if (current.optional) return true;
  }
  return false;
}

/**
 * The rows a unit of this level must answer: manual value rows of its level, unless marked
 * optional — and rows read from a procedure list or register the unit keeps no data for.
 */
export function requiredRows(template: Template, level: UnitLevel, values?: ReadonlyMap<string, ReportValue>): TemplateRow[] {
  return template.rows.filter(
    (row) => row.kind !== 'heading' && !(values ? isComputedHere(row, values.get(row.id)) : isComputedRow(row)) && rowAppliesToLevel(template, row, level) && !isOptional(template, row),
  );
}

/** How a list names a row: its code, or for a part printed without one, its label and the row it belongs to. */
export function rowReference(template: Template, row: TemplateRow): string {
  const bare = (code: string) => code.trim().replace(/\.$/, '');
  if (row.code) return bare(row.code);
  const parent = row.parentId ? template.byId.get(row.parentId) : undefined;
  return parent?.code ? `"${row.label}" (trong ${bare(parent.code)})` : `"${row.label}"`;
}

const isBlank = (value: RawValue) => value === null || value === undefined || String(value).trim() === '';

/** The sections an outline requires, by id. */
function requiredSectionIds(outline: readonly OutlineSection[], into: Set<string> = new Set()): Set<string> {
  for (const node of outline) {
    if (node.required) into.add(node.id);
    requiredSectionIds(node.children ?? [], into);
  }
  return into;
}

export function submissionChecklist(input: ChecklistInput): SubmissionChecklist {
  const { template } = input;
  const items: ChecklistItem[] = [];

  for (const row of requiredRows(template, input.level, input.reportValues)) {
    if (!isBlank(input.values.get(row.id))) continue;
    items.push({
      kind: 'row',
      target: row.id,
      label: rowTitle(row),
      message: `Dòng ${rowReference(template, row)} chưa có số liệu: nhập số liệu, hoặc ghi "-" nếu không phát sinh.`,
    });
  }

  const required = requiredSectionIds(input.outline);
  for (const { section, label } of numberedSections(input.narrative)) {
    if (!required.has(section.id) || sectionHasContent(section)) continue;
    items.push({ kind: 'section', target: section.id, label, message: `Mục ${label} chưa có nội dung.` });
  }

  // An edited generated paragraph that still prints the old figures: the DOCX would contradict its appendix.
  for (const item of outdatedParagraphs(input.narrative)) {
    items.push({ kind: 'text', target: `${item.sectionId}|${item.key}`, label: item.sectionLabel, message: outdatedMessage(item) });
  }

  const date = parseDocumentDate(input.meta.date);
  if (!date || date.day === null || date.month === null) {
    items.push({ kind: 'field', target: 'date', label: 'Ngày ban hành', message: 'Văn bản chưa có ngày ban hành đầy đủ (ngày, tháng, năm).' });
  }
  if (input.meta.signature.name.trim() === '') {
    items.push({ kind: 'field', target: 'signature.name', label: 'Người ký', message: 'Văn bản chưa có họ tên người ký.' });
  }

  const justified = new Set(input.justifications.filter((j) => j.text.trim()).map((j) => `${j.rule}|${j.rowId}`));
  const nameOf = (rowId: string) => {
    const row = template.byId.get(rowId);
    return row ? rowTitle(row) : rowId;
  };
  for (const f of input.findings) {
    if (f.severity === 'error') {
      items.push({ kind: 'error', target: `${f.rule}|${f.row}`, label: nameOf(f.row), message: `Lỗi ở dòng ${nameOf(f.row)}: ${f.message}` });
    } else if (f.severity === 'warning' && !justified.has(`${f.rule}|${f.row}`)) {
      items.push({ kind: 'warning', target: `${f.rule}|${f.row}`, label: nameOf(f.row), message: `Cảnh báo ở dòng ${nameOf(f.row)} chưa có lời giải trình: ${f.message}` });
    }
  }

  const early = input.today <= input.windowTo;
  if (early && !input.earlyReason?.trim()) {
    items.push({
      kind: 'early',
      target: 'earlyReason',
      label: `Số liệu tính đến hết ngày ${formatDateVi(input.windowTo)}`,
      message: `Kỳ lấy số liệu chưa kết thúc (đến hết ngày ${formatDateVi(input.windowTo)}): gửi trước cần ghi lý do gửi sớm.`,
    });
  }
  const order = new Map(CHECKLIST_KINDS.map((kind, i) => [kind, i]));
  items.sort((a, b) => order.get(a.kind)! - order.get(b.kind)!);
  return { ready: items.length === 0, items, early, windowTo: input.windowTo };
}

/**
 * The refusal as one paragraph, group by group: "Chưa gửi được báo cáo: còn 14 việc cần làm. Dòng
 * chưa có số liệu …: 1.3.1, 1.3.2. Mục … chưa có nội dung: I. …; IV. … Thông tin văn bản còn thiếu: Người ký."
 * Rows are listed by code; findings and the early reason by their sentence.
 */
export function checklistSummary(template: Template, checklist: SubmissionChecklist): string {
  const parts: string[] = [];
  for (const kind of CHECKLIST_KINDS) {
    const items = checklist.items.filter((item) => item.kind === kind);
    if (items.length === 0) continue;
    if (kind === 'row') {
      parts.push(`${CHECKLIST_GROUPS.row}: ${items.map((item) => rowReference(template, template.byId.get(item.target)!)).join(', ')}.`);
    } else if (kind === 'section' || kind === 'field') {
      parts.push(`${CHECKLIST_GROUPS[kind]}: ${items.map((item) => item.label).join('; ')}.`);
    } else {
      parts.push(...items.map((item) => item.message));
    }
  }
  const count = checklist.items.length;
  return `Chưa gửi được báo cáo: còn ${count} việc cần làm. ${parts.join(' ')}`;
}
