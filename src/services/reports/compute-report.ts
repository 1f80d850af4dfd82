import { readPeriod } from '../period-input';
import { templateById } from './reporting-scope';
import { todayInVietnam } from '../../domain/calendar/date-time';
import { cumulativeWindow, cutoffWindow, parseCutoffRule, type Period } from '../../domain/period';
import { applyValueChanges, computeReportValues, isListRow, type ReportValue, type UnitLists, type ValueChange } from '../../domain/reports/report-values';
import type { Template } from '../../domain/templates/template';
import { validateValues, type Finding } from '../../domain/templates/validate';
import type { Unit } from '../../domain/units/unit';
import type { Repositories, Store } from '../../store/store';
import type { ReportEventRecord, ReportRecord } from '../../store/repositories/reports.repository';
import { allowedActions, EDITABLE_STATUSES, type ReportAction } from '../../domain/reports/workflow';
import { reviewAttention, type EarlySubmission, type ReviewAttention } from '../../domain/reports/review-attention';
import { capacityOf } from './report-capacity';
import { assertUnitAccess, noAccess, type Addressed } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { computeDossierStats } from '../dossiers/compute-dossier-stats';
import { conflict, forbidden, invalidInput, notFound } from '../errors';

const PERIOD_KIND_OF: Record<Period['kind'], string> = {
  month: 'month',
  quarter: 'quarter',
  half: 'half',
  nine_months: 'nine_months',
  year: 'year',
  custom: 'custom',
};

export interface ReportView {
  report: ReportRecord;
  unit: Unit;
  template: Template;
  values: Map<string, ReportValue>;
  findings: Finding[];
  justifications: Array<{ rule: string; rowId: string; text: string }>;
  /** What the current user may do with it now. */
  actions: ReportAction[];
  /** Its transitions, oldest first. */
  events: ReportEventRecord[];
  /** What the reviewer must see: an early submission, corrected figures, justified warnings, required rows marked "không phát sinh". */
  attention: ReviewAttention;
}

/** The early submission behind the report's current state: the latest submission, when it gave a reason. */
export function earlySubmission(report: ReportRecord, events: readonly ReportEventRecord[]): EarlySubmission | null {
  if (report.status !== 'submitted' && report.status !== 'approved') return null;
  const last = events.filter((e) => e.action === 'submit' || e.action === 'resubmit').at(-1);
  return last?.earlyReason ? { reason: last.earlyReason, windowTo: report.windowTo, at: last.at } : null;
}

async function view(repos: Repositories, report: ReportRecord, unit: Unit, values: Map<string, ReportValue>, user: SessionUser | null): Promise<ReportView> {
  const template = templateById(report.templateId);
  const findings = validateValues(template, new Map([...values].map(([id, v]) => [id, v.value])), { reportDate: todayInVietnam() });
  const justifications = await repos.reports.justifications(report.id);
  const events = await repos.reports.events(report.id);
  return {
    report,
    unit,
    template,
    values,
    findings,
    justifications,
    actions: allowedActions(report.status, await capacityOf(repos, user, report.unitId)),
    events,
    attention: reviewAttention({ template, level: unit.level, values, findings, justifications, early: earlySubmission(report, events) }),
  };
}

const NOT_EDITABLE = 'Báo cáo đã gửi hoặc đã duyệt nên không sửa được; báo cáo đã duyệt chỉ sửa sau khi mở lại để đính chính.';

async function assertAuthor(repos: Repositories, user: SessionUser, unitId: number, what: Addressed = 'unit'): Promise<Unit> {
  const unit = await assertUnitAccess(repos, user, unitId, 'write', what);
  if (!(await capacityOf(repos, user, unitId)).author) throw forbidden('Chỉ cán bộ của đơn vị báo cáo mới được lập và sửa báo cáo này.');
  return unit;
}


/**
 * Creates a unit's report for a period (or refreshes it): every metric row from the statistics of
 * the period's window under the template's cut-off rule (lũy kế rows from the cumulative window),
 * every formula row from its parts. Entered values and overrides are kept. Only drafts change.
 */
export async function computeReport(
  store: Store,
  user: SessionUser | null,
  input: { unitId: number; templateId: string; periodId: string },
): Promise<ReportView> {
  const unit = user ? await assertAuthor(store, user, input.unitId) : await store.units.findById(input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  const template = templateById(input.templateId);
  const period = readPeriod(input.periodId);
  if (period.kind !== 'custom' && !template.periods.includes(PERIOD_KIND_OF[period.kind] as Template['periods'][number])) {
    throw invalidInput(`Biểu mẫu "${template.title}" không dùng cho kỳ ${input.periodId}.`);
  }
  if (!template.levels.includes(unit.level)) throw invalidInput(`Biểu mẫu "${template.title}" không dành cho cấp của ${unit.name}.`);
  const rule = parseCutoffRule(template.cutoff);
  const window = cutoffWindow(period, rule);
  const cumulative = cumulativeWindow(period, rule);
  // Read before the statistics: a write landing in between makes the report look stale, never fresh.
  const dataRevision = await store.dataRevisions.subtreeRevision(unit.id);
  const [periodStats, cumulativeStats] = await Promise.all([
    computeDossierStats(store, null, { unitId: unit.id, from: window.from, to: window.to }),
    computeDossierStats(store, null, { unitId: unit.id, from: cumulative.from, to: cumulative.to }),
  ]);
  return store.transaction(async (repos) => {
    let report = await repos.reports.find(unit.id, template.id, input.periodId);
    if (report && !EDITABLE_STATUSES.includes(report.status)) throw conflict(NOT_EDITABLE);
    report ??= await repos.reports.insert({
      unitId: unit.id,
      templateId: template.id,
      templateVersion: template.version,
      periodId: input.periodId,
      windowFrom: window.from,
      windowTo: window.to,
    });
    const before = await repos.reports.values(report.id);
    const prefilled = await prefillFromPrevious(repos, template, report, before);
    const values = computeReportValues(
      template,
      {
        period: periodStats.stats,
        cumulative: cumulativeStats.stats,
        children: await childReportValues(repos, template, unit, input.periodId, window.to),
        lists: await unitLists(repos, template, unit, window),
      },
      prefilled,
    );
    // A recomputation that finds the same figures leaves the report (and its revision) as it was.
    if (!sameValues(before, values)) await repos.reports.saveValues(report.id, values, { userId: user?.id ?? null, action: 'compute', changes: diff(before, values) });
    await repos.dataRevisions.markComputed(report.id, dataRevision);
    return view(repos, (await repos.reports.findById(report.id))!, unit, values, user);
  });
}

/**
 * Rows marked `prefill: previous` start from the unit's previous report on the same form (the
 * latest whose window ends before this one starts), until the official enters a value.
 */
async function prefillFromPrevious(repos: Repositories, template: Template, report: ReportRecord, current: Map<string, ReportValue>) {
  const rows = template.rows.filter((r) => typeof r.source === 'object' && r.source !== null && 'manual' in r.source && r.source.manual.prefill === 'previous');
  if (rows.length === 0) return current;
  const previous = (await repos.reports.listForUnits([report.unitId]))
    .filter((r) => r.templateId === template.id && r.windowTo < report.windowFrom)
    .sort((a, b) => b.windowTo.localeCompare(a.windowTo))[0];
  if (!previous) return current;
  const previousValues = await repos.reports.values(previous.id);
  const next = new Map(current);
  for (const row of rows) {
    const value = previousValues.get(row.id)?.value;
    if (next.has(row.id) || value === null || value === undefined) continue;
    next.set(row.id, { value, provenance: 'entered', computed: null, reason: `Lấy từ kỳ trước (${previous.periodId})` });
  }
  return next;
}

/** The unit's procedure list and registers, when the form has rows that read them. */
async function unitLists(repos: Repositories, template: Template, unit: Unit, window: { from: string; to: string }): Promise<UnitLists | undefined> {
  if (!template.rows.some(isListRow)) return undefined;
  const procedures = await repos.unitLists.procedures(unit.id);
  const registers = await repos.unitLists.entries(unit.id);
  const dossiersByProcedure = await repos.unitLists.dossiersByProcedure(unit.id, window.from, window.to);
  return { window: { from: window.from, to: window.to }, procedures, registers, dossiersByProcedure, unitLevel: unit.level };
}

/** The values of the child units' reports on the same form and period, for count_units rows. */
async function childReportValues(repos: Repositories, template: Template, unit: Unit, periodId: string, asOf: string) {
  const counts = template.rows.some((r) => typeof r.source === 'object' && r.source !== null && 'count_units' in r.source);
  if (!counts) return undefined;
  const children = await repos.units.children(unit.id, asOf);
  const values: Array<Map<string, ReportValue>> = [];
  for (const child of children) {
    const report = await repos.reports.find(child.id, template.id, periodId);
    values.push(report ? await repos.reports.values(report.id) : new Map());
  }
  return values;
}

function diff(before: Map<string, ReportValue>, after: Map<string, ReportValue>) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(id)?.value ?? null;
    const b = after.get(id)?.value ?? null;
    if (a !== b) changes[id] = { before: a, after: b };
  }
  return changes;
}

/** Same rows with the same value, provenance, computed figure, reason and rate parts. */
function sameValues(before: Map<string, ReportValue>, after: Map<string, ReportValue>): boolean {
  if (before.size !== after.size) return false;
  for (const [id, b] of after) {
    const a = before.get(id);
    if (!a) return false;
    if (a.value !== b.value || a.provenance !== b.provenance || a.computed !== b.computed || (a.reason ?? null) !== (b.reason ?? null)) return false;
    if (a.parts?.numerator !== b.parts?.numerator || a.parts?.denominator !== b.parts?.denominator) return false;
  }
  return true;
}

export async function getReport(store: Store, user: SessionUser, reportId: number): Promise<ReportView> {
  const report = await store.reports.findById(reportId);
  if (!report) throw noAccess('report');
  const unit = await assertUnitAccess(store, user, report.unitId, 'read', 'report');
  return view(store, report, unit, await store.reports.values(report.id), user);
}

/**
 * An official's edits to a draft: entered values, overrides with reasons, warning justifications.
 * With `expectedRevision` (the revision the official's screen shows), edits made meanwhile by
 * someone else are kept: changes to other rows merge, a change to a row they also changed is
 * refused with who changed it, so nobody silently overwrites anybody.
 */
export async function updateReportValues(
  store: Store,
  user: SessionUser,
  reportId: number,
  input: { changes: ValueChange[]; justifications?: Array<{ rule: string; rowId: string; text: string }>; expectedRevision?: number | undefined },
): Promise<ReportView> {
  const found = await store.reports.findById(reportId);
  if (!found) throw noAccess('report');
  const unit = await assertAuthor(store, user, found.unitId, 'report');
  const template = templateById(found.templateId);
  return store.transaction(async (repos) => {
    const revision = await repos.reports.lockRevision(reportId);
    const report = (await repos.reports.findById(reportId))!;
    if (!EDITABLE_STATUSES.includes(report.status)) throw conflict(NOT_EDITABLE);
    if (input.expectedRevision !== undefined && input.expectedRevision !== revision) {
      await assertNoOverlap(repos, reportId, input.expectedRevision, input.changes, template);
    }
    const before = await repos.reports.values(report.id);
    const applied = applyValueChanges(template, before, input.changes);
    if (applied.problems.length > 0) throw invalidInput(applied.problems.join(' '));
    const values = computeReportValues(template, null, applied.values);
    const changes = diff(before, values);
    if (Object.keys(changes).length > 0) await repos.reports.saveValues(report.id, values, { userId: user.id, action: 'edit', changes });
    for (const j of input.justifications ?? []) {
      if (!j.text.trim()) throw invalidInput('Lời giải trình không được để trống.');
      await repos.reports.saveJustification(report.id, j.rule, j.rowId, j.text.trim());
    }
    return view(repos, (await repos.reports.findById(report.id))!, unit, values, user);
  });
}

async function assertNoOverlap(repos: Repositories, reportId: number, since: number, changes: ValueChange[], template: Template) {
  const meanwhile = (await repos.reports.history(reportId)).filter((r) => r.revision > since);
  const mine = new Set(changes.map((c) => c.rowId));
  const clashes = new Map<string, string>();
  for (const revision of meanwhile) {
    for (const rowId of Object.keys((revision.changes ?? {}) as Record<string, unknown>)) {
      if (mine.has(rowId) && !clashes.has(rowId)) clashes.set(rowId, revision.userName ?? 'hệ thống');
    }
  }
  if (clashes.size === 0) return;
  const rows = [...clashes].map(([rowId, who]) => {
    const row = template.byId.get(rowId);
    return `${row?.code ? `dòng ${row.code}` : `"${row?.label ?? rowId}"`} (${who})`;
  });
  throw conflict(
    `Trong lúc bạn nhập, người khác đã sửa ${rows.join(', ')}. Số liệu của bạn chưa được lưu: hãy tải lại báo cáo, xem số mới rồi nhập lại các dòng này.`,
  );
}
