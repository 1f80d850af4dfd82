import { DocumentMetaSchema, type DocumentMeta } from '../../domain/narrative/document-meta';
import { NarrativeSchema, type Narrative } from '../../domain/narrative/narrative';
import { cutoffWindow, parseCutoffRule, parsePeriodId, PeriodError } from '../../domain/period';
import { applyValueChanges, computeReportValues, isComputedHere, type ReportValue, type ValueChange } from '../../domain/reports/report-values';
import { readRowValue, sameRowValue } from '../../domain/reports/row-input';
import { EDITABLE_STATUSES, REPORT_STATUS_LABELS } from '../../domain/reports/workflow';
import { InterchangeSchema, resolveInterchangeValues, type Interchange } from '../../domain/templates/interchange';
import type { Template } from '../../domain/templates/template';
import { rowTitle, validateValues } from '../../domain/templates/validate';
import { formatViNumber } from '../../domain/templates/vi-number';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { conflict, forbidden, invalidInput } from '../errors';
import { shippedTemplates } from '../templates/check-report';
import { computeReport, getReport, type ReportView } from './compute-report';
import { capacityOf } from './report-capacity';
import { documentOfView, zodMessage } from './report-document';

export interface ImportedReport {
  view: ReportView;
  /** The report did not exist: it was created (computed from the dossiers) before the file was loaded. */
  created: boolean;
  /** Rows whose value changed. */
  changed: string[];
  /** Computed rows now corrected by the file, with the file's reason. */
  overridden: string[];
  /** Warnings justified by the file's notes. */
  justified: number;
  /** The file carried `meta` or `narrative` and the document was saved. */
  documentSaved: boolean;
}

/** The first problem of a zod parse, naming the field of the file. */
function fileProblem(issue: { path: PropertyKey[]; message: string }): string {
  return `Tệp số liệu không đúng định dạng: trường "${issue.path.map(String).join('.') || '(gốc)'}": ${issue.message}`;
}

function parseFile(data: unknown): { file: Interchange; template: Template } {
  const parsed = InterchangeSchema.safeParse(data);
  if (!parsed.success) throw invalidInput(fileProblem(parsed.error.issues[0]!), parsed.error.issues);
  const file = parsed.data;
  const templates = shippedTemplates();
  const template = templates.get(file.template);
  if (!template) throw invalidInput(`Không có biểu mẫu "${file.template}" (có: ${[...templates.keys()].join(', ')}).`);
  if (file.templateVersion && file.templateVersion !== template.version) {
    throw invalidInput(`Biểu mẫu "${template.id}" đang là phiên bản ${template.version}, tệp ghi phiên bản ${file.templateVersion}.`);
  }
  if (!file.period) throw invalidInput('Tệp cần trường "period": kỳ báo cáo, ví dụ "2026-Q1".');
  return { file, template };
}

/** Where an object of the file overrides the document's: top-level keys, and inside the signature and the data window. */
function mergeMeta(current: DocumentMeta, given: Record<string, unknown>): unknown {
  const merged: Record<string, unknown> = { ...current, ...given };
  for (const key of ['signature', 'dataWindow'] as const) {
    const inner = given[key];
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && current[key]) merged[key] = { ...current[key], ...inner };
  }
  return merged;
}

async function unitOfFile(store: Store, user: SessionUser, code: string | undefined, windowTo: string): Promise<Unit> {
  if (code === undefined || code.trim() === '' || code.trim() === user.unit.code) return user.unit;
  const unit = await store.units.findByCodeOn(code.trim(), windowTo);
  // An unknown code answers like a unit the user may not touch.
  if (!unit) throw forbidden('Bạn không có quyền truy cập dữ liệu của đơn vị này.');
  return unit;
}

/**
 * Loads an interchange file (docs/interchange.md) into its unit's draft or returned report, as the
 * web form would save it: values read the Vietnamese way ("1.224", "98,07", "-" for không phát
 * sinh), a changed computed figure needs its reason in `notes`, a note on a row justifies its
 * warnings, `meta` fields replace the document's, `narrative` replaces its text. Everything is
 * checked first and saved in one transaction; a submitted or approved report is refused. A unit
 * without a report for the period gets one, computed from its dossiers, first.
 */
export async function importReportFile(store: Store, user: SessionUser, data: unknown): Promise<ImportedReport> {
  const { file, template } = parseFile(data);
  let windowTo: string;
  try {
    windowTo = cutoffWindow(parsePeriodId(file.period!), parseCutoffRule(template.cutoff)).to;
  } catch (error) {
    if (error instanceof PeriodError) throw invalidInput(`Trường "period": ${error.message}`);
    throw error;
  }
  const unit = await unitOfFile(store, user, file.unit, windowTo);
  await assertUnitAccess(store, user, unit.id, 'write');
  if (!(await capacityOf(store, user, unit.id)).author) throw forbidden('Chỉ cán bộ của đơn vị báo cáo mới được nhập số liệu cho báo cáo này.');

  const problems: string[] = [];
  const values = resolveInterchangeValues(template, file.values);
  const notes = resolveInterchangeValues(template, file.notes ?? {});
  problems.push(...values.problems, ...notes.problems.map((p) => `notes: ${p}`));
  for (const rowId of values.values.keys()) {
    if (template.byId.get(rowId)!.kind === 'heading') problems.push(`Dòng tiêu đề ${rowTitle(template.byId.get(rowId)!)} không nhận số liệu.`);
  }
  const narrative = file.narrative === undefined ? null : NarrativeSchema.safeParse(file.narrative);
  if (narrative && !narrative.success) problems.push(zodMessage(narrative.error, 'Nội dung báo cáo (narrative)'));
  if (problems.length > 0) throw invalidInput(`Chưa nhập được tệp: ${problems.join(' ')}`, { problems });

  const existing = await store.reports.find(unit.id, template.id, file.period!);
  if (existing && !EDITABLE_STATUSES.includes(existing.status)) throw conflict(notEditable(existing.status));
  const created = !existing;
  const start = existing ? await getReport(store, user, existing.id) : await computeReport(store, user, { unitId: unit.id, templateId: template.id, periodId: file.period! });

  // Values as the web form sends them: a computed row equal to what the system computes stays
  // computed. Formula rows are compared once the file's own figures are in.
  const changes: ValueChange[] = [];
  const overridden: string[] = [];
  const isFormula = (rowId: string) => {
    const source = template.byId.get(rowId)!.source;
    return typeof source === 'object' && source !== null && 'formula' in source;
  };
  const consider = (rowId: string, raw: string | number | null, computedNow: number | string | null, current: ReportValue | undefined) => {
    const row = template.byId.get(rowId)!;
    const value = readRowValue(row, raw);
    if (!isComputedHere(row, current)) {
      if (!sameRowValue(value, current?.value ?? null)) changes.push({ rowId, value });
      return;
    }
    if (value === null || sameRowValue(value, computedNow)) {
      if (current?.provenance === 'overridden') changes.push({ rowId, value: null });
      return;
    }
    const reason = notes.values.get(rowId)?.trim() ?? '';
    if (reason === '') {
      const shown = computedNow === null ? '' : ` (hệ thống tính ${typeof computedNow === 'number' ? formatViNumber(computedNow) : computedNow})`;
      problems.push(`Dòng ${rowTitle(row)} được tính tự động${shown}; tệp ghi ${String(raw)}: sửa số liệu cần lý do trong "notes".`);
      return;
    }
    if (!(current?.provenance === 'overridden' && sameRowValue(value, current.value) && current.reason === reason)) {
      changes.push({ rowId, value, reason });
      overridden.push(rowId);
    }
  };
  for (const [rowId, raw] of values.values) {
    if (isFormula(rowId)) continue;
    const current = start.values.get(rowId);
    consider(rowId, raw, current?.computed ?? null, current);
  }
  const firstPass = applyValueChanges(template, start.values, changes);
  problems.push(...firstPass.problems);
  // What the formulas give from the file's figures (an override of them kept aside).
  const recomputed = computeReportValues(
    template,
    null,
    new Map([...firstPass.values].map(([id, v]) => [id, isFormula(id) && v.provenance === 'overridden' ? { ...v, value: null, provenance: 'computed' as const, reason: null } : v])),
  );
  for (const [rowId, raw] of values.values) {
    if (isFormula(rowId)) consider(rowId, raw, recomputed.get(rowId)?.value ?? null, start.values.get(rowId));
  }
  const applied = applyValueChanges(template, start.values, changes);

  let meta: DocumentMeta | null = null;
  const documentGiven = file.meta !== undefined || narrative !== null;
  const document = documentGiven ? await documentOfView(store, start) : null;
  if (file.meta !== undefined) {
    const parsed = DocumentMetaSchema.safeParse(mergeMeta(document!.meta, file.meta));
    if (!parsed.success) problems.push(zodMessage(parsed.error, 'Thông tin văn bản (meta)'));
    else meta = parsed.data;
  }
  if (problems.length > 0) throw invalidInput(`Chưa nhập được tệp: ${problems.join(' ')}`, { problems });

  const next = computeReportValues(template, null, applied.values);
  const findings = validateValues(template, new Map([...next].map(([id, v]) => [id, v.value])));
  const justifications = findings.filter((f) => f.severity === 'warning' && notes.values.get(f.row)?.trim());
  const changed = template.rows.filter((row) => !sameRowValue(start.values.get(row.id)?.value ?? null, next.get(row.id)?.value ?? null)).map((row) => row.id);

  await store.transaction(async (repos) => {
    await repos.reports.lockRevision(start.report.id);
    const report = (await repos.reports.findById(start.report.id))!;
    if (!EDITABLE_STATUSES.includes(report.status)) throw conflict(notEditable(report.status));
    if (report.revision !== start.report.revision) {
      throw conflict('Báo cáo vừa được người khác thay đổi trong lúc nhập tệp. Chưa có gì được lưu: hãy nhập lại tệp.');
    }
    const before = await repos.reports.values(report.id);
    const diff = Object.fromEntries(changed.map((id) => [id, { before: before.get(id)?.value ?? null, after: next.get(id)?.value ?? null }]));
    if (changed.length > 0 || changes.length > 0) await repos.reports.saveValues(report.id, next, { userId: user.id, action: 'import', changes: diff });
    for (const f of justifications) await repos.reports.saveJustification(report.id, f.rule, f.row, notes.values.get(f.row)!.trim());
    if (document) {
      const text: Narrative = narrative?.success ? narrative.data : document.narrative;
      await repos.reportDocuments.save(report.id, { meta: meta ?? document.meta, narrative: text }, user.id);
    }
  });
  return {
    view: await getReport(store, user, start.report.id),
    created,
    changed,
    overridden,
    justified: justifications.length,
    documentSaved: document !== null,
  };
}

function notEditable(status: keyof typeof REPORT_STATUS_LABELS): string {
  return `Báo cáo đang ở trạng thái "${REPORT_STATUS_LABELS[status]}" nên không nhập số liệu từ tệp được. Báo cáo đã gửi chỉ sửa được khi cấp trên trả lại; báo cáo đã duyệt chỉ sửa được sau khi mở lại để đính chính.`;
}
