import { cumulativeWindow, parseCutoffRule, parsePeriodId } from '../../domain/period';
import { computeReportValues } from '../../domain/reports/report-values';
import { staleFigures, staleFigureText, type StaleFigure } from '../../domain/reports/stale-figures';
import type { Template } from '../../domain/templates/template';
import type { ReportRecord } from '../../store/repositories/reports.repository';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { computeDossierStats } from '../dossiers/compute-dossier-stats';
import { shippedTemplates } from '../templates/check-report';
import { reportViewFor } from './report-document';

/**
 * Stale data (#11 item 5): whether dossiers imported or recorded after a report was computed change
 * any of its dossier figures. Cheap on the common path: the sum of the data revisions of the
 * report's unit subtree (raised once per statement writing dossiers, migration 020) is compared with
 * the one the report was computed at; only when it moved are the figures computed again and
 * compared, and the result is kept for that revision.
 */

export interface StaleData {
  figures: StaleFigure[];
  /** "3.2.4. Tổng số hồ sơ TTHC đã tiếp nhận: 15 → 18", one per figure. */
  lines: string[];
}

/** A report computed before data revisions existed: compared once at the current revision. */
const UNKNOWN_REVISION = -1;

export async function staleDataOf(store: Store, report: ReportRecord, template: Template): Promise<StaleData> {
  const current = await store.dataRevisions.subtreeRevision(report.unitId);
  const check = (await store.dataRevisions.checksOf([report.id])).get(report.id);
  const computedAt = check?.computedRevision ?? UNKNOWN_REVISION;
  if (computedAt === current) return { figures: [], lines: [] };
  let figures: StaleFigure[];
  if (check && check.checkedRevision === current) {
    figures = check.changes;
  } else {
    const period = parsePeriodId(report.periodId);
    const cumulative = cumulativeWindow(period, parseCutoffRule(template.cutoff));
    const [p, c] = await Promise.all([
      computeDossierStats(store, null, { unitId: report.unitId, from: report.windowFrom, to: report.windowTo }),
      computeDossierStats(store, null, { unitId: report.unitId, from: cumulative.from, to: cumulative.to }),
    ]);
    const stored = await store.reports.values(report.id);
    const fresh = computeReportValues(template, { period: p.stats, cumulative: c.stats }, stored);
    figures = staleFigures(template, stored, fresh);
    await store.dataRevisions.saveCheck(report.id, computedAt, current, figures);
  }
  return { figures, lines: figures.map((f) => staleFigureText(template, f)) };
}

/** For anyone who may read the report (GET /api/reports/:id/stale-data). */
export async function getStaleData(store: Store, user: SessionUser, reportId: number): Promise<StaleData> {
  const view = await reportViewFor(store, user, reportId);
  return staleDataOf(store, view.report, view.template);
}

/** The stale lines of many reports (an inbox); a report on a template no longer shipped has none. */
export async function staleLinesOf(store: Store, reports: readonly ReportRecord[]): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  for (const report of reports) {
    const template = shippedTemplates().get(report.templateId);
    if (!template) continue;
    const { lines } = await staleDataOf(store, report, template);
    if (lines.length > 0) result.set(report.id, lines);
  }
  return result;
}
