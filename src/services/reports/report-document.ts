import { formatTime, localDateTimeOf, todayInVietnam } from '../../domain/calendar/date-time';
import { formatDateVi } from '../../domain/text/iso-date';
import { z } from 'zod';
import { DocumentMetaSchema, type DocumentMeta } from '../../domain/narrative/document-meta';
import { paragraphGenerator } from '../../domain/narrative/generators';
import { defaultNarrative, NarrativeSchema, refreshGenerated, type Block, type Narrative, type Section } from '../../domain/narrative/narrative';
import { applyOutline, templateOutline } from '../../domain/narrative/outline';
import type { FieldStats, OneStopFigures } from '../../domain/narrative/one-stop';
import { halfPeriod, monthPeriod, parsePeriodId, periodLabel, quarterPeriod, yearPeriod, type Period } from '../../domain/period';
import type { Unit } from '../../domain/units/unit';
import type { ReportRecord } from '../../store/repositories/reports.repository';
import type { Repositories, Store } from '../../store/store';
import { assertUnitAccess, noAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { computeDossierStats } from '../dossiers/compute-dossier-stats';
import { conflict, forbidden, invalidInput } from '../errors';
import { EDITABLE_STATUSES } from '../../domain/reports/workflow';
import { capacityOf } from './report-capacity';
import { shippedTemplates } from '../templates/check-report';
import { earlySubmission, getReport, type ReportView } from './compute-report';
import { reviewAttention } from '../../domain/reports/review-attention';
import { validateValues } from '../../domain/templates/validate';

/**
 * The document around a report's figures (Decree 30/2020 header, signature, recipients) and its
 * narrative. Until an official saves it, defaults come from the unit, the period and the previous
 * report of the same unit and template.
 */

export interface ReportDocument {
  reportId: number;
  meta: DocumentMeta;
  narrative: Narrative;
  /** false: nothing saved yet, these are the defaults. */
  saved: boolean;
  updatedAt: string | null;
  /** The stored revision (0: never saved): what a save sends back as `expectedRevision`. */
  revision: number;
}


/** The first reorganised communes started on 1 July 2025 (two-level local government). */
const TWO_LEVEL_FROM = '2025-07-01';

const PREFIXES = /^(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+/iu;

/** "Xã Ba Bể" → "Ba Bể". */
export function bareName(name: string): string {
  return name.trim().replace(PREFIXES, '').trim();
}

/** "Xã Ba Bể" → "UBND xã Ba Bể". */
export function unitSubject(name: string): string {
  const trimmed = name.trim();
  const m = PREFIXES.exec(trimmed);
  return m ? `UBND ${m[1]!.toLocaleLowerCase('vi')} ${trimmed.slice(m[0].length).trim()}` : `UBND ${trimmed}`;
}

const upper = (text: string) => text.trim().toLocaleUpperCase('vi');

/** The defaults of a report's metadata from its unit, its parent (before 07/2025) and its window. */
export function defaultMeta(input: {
  unit: Unit;
  parents: Unit[];
  report: Pick<ReportRecord, 'periodId' | 'windowFrom' | 'windowTo'>;
  today?: string;
  /** The period's label when it is known otherwise (default: from report.periodId). */
  label?: string | null;
}): DocumentMeta {
  const { unit, report } = input;
  const district = input.parents.find((p) => p.level === 'district');
  const twoLevel = (unit.validFrom ?? '0000') >= TWO_LEVEL_FROM;
  const parentBody = !twoLevel && district ? [`UBND ${upper(district.name)}`] : [];
  const label = input.label === undefined ? periodLabel(parsePeriodId(report.periodId)) : input.label;
  const summary = label ? `Kết quả thực hiện công tác cải cách hành chính ${label.charAt(0).toLocaleLowerCase('vi')}${label.slice(1)}` : 'Kết quả thực hiện công tác cải cách hành chính';
  return DocumentMetaSchema.parse({
    parentBody,
    issuer: ['ỦY BAN NHÂN DÂN', upper(unit.name)],
    unitName: unitSubject(unit.name),
    number: null,
    symbol: 'BC-UBND',
    place: bareName(unit.name) || unit.name,
    date: input.today ?? todayInVietnam(),
    addressees: [],
    summary,
    dataWindow: report.windowFrom && report.windowTo ? { from: report.windowFrom, to: report.windowTo } : null,
    signature: { onBehalfOf: 'ỦY BAN NHÂN DÂN', authority: 'direct', headTitle: 'CHỦ TỊCH', signerTitle: null, name: '' },
    recipients: ['UBND tỉnh (Sở Nội vụ)', 'Lưu: VT.'],
    appendixSubtitle: label,
  });
}

/**
 * A previous narrative's sections with their free text; generated paragraphs start afresh. The
 * template's outline is laid on it afterwards (titles, new sections, section IV's next period).
 */
function carryOver(previous: Narrative, fresh: Narrative): Narrative {
  const blocks = (list: Block[]): Block[] => list.map((b) => (b.type === 'generated' ? { ...b, text: '', edited: null } : b));
  const sections = (list: Section[]): Section[] =>
    list.map((s) => ({ ...s, blocks: blocks(s.blocks), ...(s.children ? { children: sections(s.children) } : {}) }));
  return { preamble: fresh.preamble, sections: sections(previous.sections), closing: fresh.closing };
}

/** The period after this one, for "Phương hướng, nhiệm vụ quý II năm 2026"; null when there is none of the same kind. */
export function nextPeriod(period: Period): Period | null {
  if (period.kind === 'custom' || period.kind === 'nine_months') return null;
  const index = period.index ?? 1;
  if (period.kind === 'quarter') return index < 4 ? quarterPeriod(period.year, index + 1) : quarterPeriod(period.year + 1, 1);
  if (period.kind === 'month') return index < 12 ? monthPeriod(period.year, index + 1) : monthPeriod(period.year + 1, 1);
  if (period.kind === 'half') return index < 2 ? halfPeriod(period.year, 2) : halfPeriod(period.year + 1, 1);
  return yearPeriod(period.year + 1);
}

/** "Quý II năm 2026" after 2026-Q1, for the title of section IV; null when there is none. */
function nextPeriodLabel(periodId: string): string | null {
  const next = nextPeriod(parsePeriodId(periodId));
  return next ? periodLabel(next) : null;
}

async function defaults(store: Store, view: ReportView): Promise<{ meta: DocumentMeta; narrative: Narrative }> {
  const parents = await store.units.ancestors(view.unit.id);
  const meta = defaultMeta({ unit: view.unit, parents, report: view.report });
  const fresh = defaultNarrative({
    unitName: meta.unitName,
    periodLabel: periodLabel(parsePeriodId(view.report.periodId)),
    nextPeriodLabel: nextPeriodLabel(view.report.periodId),
    outline: templateOutline(view.template),
  });
  const earlier = (await store.reports.listForUnits([view.unit.id])).filter(
    (r) => r.templateId === view.report.templateId && r.id !== view.report.id && r.windowTo < view.report.windowFrom,
  );
  for (const report of earlier) {
    const doc = await store.reportDocuments.find(report.id);
    const parsed = doc ? NarrativeSchema.safeParse(doc.narrative) : null;
    if (parsed?.success) return { meta, narrative: carryOver(parsed.data, fresh) };
  }
  return { meta, narrative: fresh };
}

/** The statistics the generated paragraphs read: the window's totals and by field. */
export async function reportStats(store: Store, view: ReportView): Promise<{ stats: OneStopFigures; byField: FieldStats[] }> {
  const result = await computeDossierStats(store, null, { unitId: view.unit.id, from: view.report.windowFrom, to: view.report.windowTo, by: 'field' });
  return { stats: result.stats, byField: (result.groups ?? []).map((g) => ({ label: g.label, stats: g.stats })) };
}

/**
 * The document of a report view (saved or defaults), laid out on its template's outline (titles and
 * order from the template; a saved section the template no longer has is kept while it holds text),
 * generated paragraphs refreshed from its figures.
 */
export async function documentOfView(store: Store, view: ReportView): Promise<ReportDocument & { stats: OneStopFigures; byField: FieldStats[] }> {
  const row = await store.reportDocuments.find(view.report.id);
  const base = row
    ? { meta: DocumentMetaSchema.parse(row.meta), narrative: NarrativeSchema.parse(row.narrative) }
    : await defaults(store, view);
  const { stats, byField } = await reportStats(store, view);
  const outlined = applyOutline(base.narrative, templateOutline(view.template), { nextPeriodLabel: nextPeriodLabel(view.report.periodId) });
  const narrative = refreshGenerated(
    outlined,
    paragraphGenerator({ template: view.template, values: view.values, window: base.meta.dataWindow, unitName: base.meta.unitName, stats, byField }),
  );
  return { reportId: view.report.id, meta: base.meta, narrative, saved: !!row, updatedAt: row?.updatedAt ?? null, revision: row?.revision ?? 0, stats, byField };
}

/** The report's view; without a user (the CLI on its own data) no access check. */
export async function reportViewFor(store: Store, user: SessionUser | null, reportId: number): Promise<ReportView> {
  if (user) return getReport(store, user, reportId);
  const report = await store.reports.findById(reportId);
  if (!report) throw noAccess('report');
  // Without a user (the CLI on its own data) the unit is read directly.
  const unit = (await store.units.findById(report.unitId))!;
  const template = shippedTemplates().get(report.templateId);
  if (!template) throw invalidInput(`Không có biểu mẫu "${report.templateId}".`);
  const values = await store.reports.values(report.id);
  const findings = validateValues(template, new Map([...values].map(([id, v]) => [id, v.value])), { reportDate: todayInVietnam() });
  const justifications = await store.reports.justifications(report.id);
  const events = await store.reports.events(report.id);
  return {
    report,
    unit,
    template,
    values,
    findings,
    justifications,
    actions: [],
    events,
    attention: reviewAttention({ template, level: unit.level, values, findings, justifications, early: earlySubmission(report, events) }),
  };
}

export async function getReportDocument(store: Store, user: SessionUser | null, reportId: number): Promise<ReportDocument> {
  const { stats: _s, byField: _b, ...doc } = await documentOfView(store, await reportViewFor(store, user, reportId));
  return doc;
}

/** Vietnamese names of the metadata fields, for error messages. */
const FIELD_NAMES: Record<string, string> = {
  parentBody: 'cơ quan chủ quản',
  issuer: 'cơ quan ban hành',
  unitName: 'tên đơn vị trong câu',
  number: 'số văn bản',
  symbol: 'ký hiệu',
  place: 'địa danh',
  date: 'ngày ban hành',
  addressees: 'kính gửi',
  documentType: 'tên loại văn bản',
  summary: 'trích yếu',
  dataWindow: 'thời gian lấy số liệu',
  signature: 'người ký',
  recipients: 'nơi nhận',
  appendixSubtitle: 'tiêu đề phụ lục',
  preamble: 'đoạn mở đầu',
  sections: 'các mục',
  closing: 'đoạn kết',
};

export function zodMessage(error: z.ZodError, what: string): string {
  const issue = error.issues[0]!;
  const field = issue.path.length ? String(issue.path[0]) : '';
  const name = FIELD_NAMES[field] ?? field;
  return `${what} không hợp lệ${name ? ` (${name}${issue.path.length > 1 ? ` → ${issue.path.slice(1).join('.')}` : ''})` : ''}: ${issue.message}`;
}

async function editable(store: Store, user: SessionUser | null, reportId: number) {
  const view = await reportViewFor(store, user, reportId);
  if (user) {
    await assertUnitAccess(store, user, view.report.unitId, 'write', 'report');
    if (!(await capacityOf(store, user, view.report.unitId)).author) throw forbidden('Chỉ cán bộ của đơn vị báo cáo mới được sửa văn bản báo cáo này.');
  }
  if (!EDITABLE_STATUSES.includes(view.report.status)) {
    throw conflict('Báo cáo đã gửi hoặc đã duyệt nên văn bản không sửa được; báo cáo đã duyệt chỉ sửa sau khi mở lại để đính chính.');
  }
  return view;
}

/** The refusal of a save whose base revision is no longer the stored one (someone saved meanwhile). */
async function staleDocument(store: Repositories, reportId: number) {
  const stored = (await store.reportDocuments.find(reportId))?.updatedAt ?? null;
  return conflict(
    `Văn bản báo cáo vừa được người khác lưu${stored ? ` lúc ${formatStoredInstant(stored)}` : ''}. Phần bạn đang soạn chưa được lưu và vẫn còn trên màn hình: hãy sao chép phần của mình, tải lại trang rồi nhập lại.`,
  );
}

const formatStoredInstant = (iso: string) => {
  const local = localDateTimeOf(iso);
  return `${formatTime(local.minutes)} ngày ${formatDateVi(local.date)}`;
};

/** Replaces the metadata (validated; Vietnamese 400 naming the field). */
export async function updateReportMeta(store: Store, user: SessionUser | null, reportId: number, input: unknown): Promise<ReportDocument> {
  const parsed = DocumentMetaSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(zodMessage(parsed.error, 'Thông tin văn bản'), parsed.error.issues);
  const view = await editable(store, user, reportId);
  const current = await documentOfView(store, view);
  await store.reportDocuments.save(reportId, { meta: parsed.data, narrative: current.narrative }, user?.id ?? null);
  return getReportDocument(store, user, reportId);
}

/** Replaces the narrative (validated; Vietnamese 400 naming the field). */
export async function updateReportNarrative(store: Store, user: SessionUser | null, reportId: number, input: unknown): Promise<ReportDocument> {
  const parsed = NarrativeSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(zodMessage(parsed.error, 'Nội dung báo cáo'), parsed.error.issues);
  const view = await editable(store, user, reportId);
  const current = await documentOfView(store, view);
  await store.reportDocuments.save(reportId, { meta: current.meta, narrative: parsed.data }, user?.id ?? null);
  return getReportDocument(store, user, reportId);
}

/** Both at once (the web form saves them together). */
export async function updateReportDocument(
  store: Store,
  user: SessionUser | null,
  reportId: number,
  input: { meta?: unknown; narrative?: unknown; expectedRevision?: number | undefined },
): Promise<ReportDocument> {
  const meta = input.meta === undefined ? null : DocumentMetaSchema.safeParse(input.meta);
  if (meta && !meta.success) throw invalidInput(zodMessage(meta.error, 'Thông tin văn bản'), meta.error.issues);
  const narrative = input.narrative === undefined ? null : NarrativeSchema.safeParse(input.narrative);
  if (narrative && !narrative.success) throw invalidInput(zodMessage(narrative.error, 'Nội dung báo cáo'), narrative.error.issues);
  const view = await editable(store, user, reportId);
  const current = await documentOfView(store, view);
  await store.transaction(async (repos) => {
    await repos.reports.lockRevision(reportId);
    const document = { meta: meta?.data ?? current.meta, narrative: narrative?.data ?? current.narrative };
    // Compared and written in one statement: of two saves from the same revision, one wins.
    const saved = await repos.reportDocuments.save(reportId, document, user?.id ?? null, input.expectedRevision);
    if (saved === null) throw await staleDocument(repos, reportId);
  });
  return getReportDocument(store, user, reportId);
}
