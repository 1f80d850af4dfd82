import { checklistSummary } from '../../domain/reports/submission-checklist';
import { attentionReasons } from '../../domain/reports/review-attention';
import { planTransition, WorkflowError, type TransitionAction } from '../../domain/reports/workflow';
import type { Store } from '../../store/store';
import { StaleReportError } from '../../store/repositories/reports.repository';
import { assertUnitAccess, noAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { AppError, conflict, forbidden, invalidInput } from '../errors';
import { getReport, type ReportView } from './compute-report';
import { capacityOf } from './report-capacity';
import { documentOfView } from './report-document';
import { checklistOfView } from './submission-check';

export function workflowFailure(error: WorkflowError): AppError {
  if (error.kind === 'permission') return forbidden(error.message);
  if (error.kind === 'comment') return invalidInput(error.message);
  return conflict(error.message);
}

export interface TransitionOptions {
  comment?: string | null | undefined;
  expectedRevision?: number | undefined;
  /** Why the unit sends before its data window has ended (required then; kept in the timeline). */
  earlyReason?: string | null | undefined;
}

/**
 * Applies one step of the workflow. A submission is refused, with everything missing listed at
 * once (submissionChecklist), until the report is complete; before the data window ends it needs
 * a reason. The values and the document at submission and at approval are frozen into the event.
 */
export async function transitionReport(store: Store, user: SessionUser, reportId: number, action: TransitionAction, options: TransitionOptions = {}): Promise<ReportView> {
  const current = await getReport(store, user, reportId);
  const capacity = await capacityOf(store, user, current.report.unitId);
  let transition;
  try {
    transition = planTransition(current.report.status, action, capacity, options.comment);
  } catch (error) {
    if (error instanceof WorkflowError) throw workflowFailure(error);
    throw error;
  }
  const submits = action === 'submit' || action === 'resubmit';
  const freezes = submits || action === 'approve';
  const document = freezes ? await documentOfView(store, current) : null;
  let earlyReason: string | null = null;
  if (submits) {
    const reason = options.earlyReason?.trim() || null;
    const checklist = await checklistOfView(store, current, reason, document!);
    if (!checklist.ready) {
      throw invalidInput(checklistSummary(current.template, checklist), { problems: checklist.items.map((item) => item.message), checklist });
    }
    earlyReason = checklist.early ? reason : null;
  }
  try {
    await store.transaction(async (repos) => {
      if (options.expectedRevision !== undefined) await repos.reports.claim(reportId, options.expectedRevision);
      const snapshot = freezes ? Object.fromEntries(await repos.reports.values(reportId)) : null;
      await repos.reports.transition(reportId, {
        from: transition.from,
        to: transition.to,
        action,
        userId: user.id,
        comment: options.comment?.trim() || null,
        snapshot,
        reopen: action === 'reopen',
        earlyReason,
        document: document ? { meta: document.meta, narrative: document.narrative } : null,
      });
    });
  } catch (error) {
    if (error instanceof StaleReportError) {
      throw conflict('Báo cáo vừa được người khác thay đổi. Hãy tải lại trang để xem trạng thái mới trước khi thao tác.');
    }
    throw error;
  }
  return getReport(store, user, reportId);
}

export interface BulkOutcome {
  reportId: number;
  ok: boolean;
  message: string;
  /** Not approved because it needs a look of its own (and was not confirmed on its own). */
  needsReview?: boolean;
}

export interface BulkPreviewItem {
  reportId: number;
  unitName: string;
  periodId: string;
  /** Why it should be looked at on its own ([] when nothing): early submission, corrected figures, required rows marked "không phát sinh". */
  reasons: string[];
}

/** What a bulk approval would touch: each report with the reasons to look at it first. Unknown and foreign ids are refused like one. */
export async function previewApproveMany(store: Store, user: SessionUser, reportIds: number[]): Promise<BulkPreviewItem[]> {
  const items: BulkPreviewItem[] = [];
  for (const reportId of [...new Set(reportIds)]) {
    const view = await getReport(store, user, reportId);
    items.push({ reportId, unitName: view.unit.name, periodId: view.report.periodId, reasons: attentionReasons(view.attention) });
  }
  return items;
}

/**
 * Approves many submitted reports at once; each one succeeds or fails on its own. The caller
 * confirms how many it approves (`confirmedCount`, the count the reviewer saw); a report that
 * needs a look of its own (early submission, corrected figures, required rows marked "không phát
 * sinh") is approved only when confirmed by its id in `confirmedFlagged`, otherwise it is left
 * waiting with the reasons.
 */
export async function approveMany(
  store: Store,
  user: SessionUser,
  reportIds: number[],
  options: { comment?: string | null | undefined; confirmedCount: number; confirmedFlagged?: number[] | undefined },
): Promise<BulkOutcome[]> {
  const ids = [...new Set(reportIds)];
  if (options.confirmedCount !== ids.length) {
    throw invalidInput(`Số báo cáo xác nhận duyệt (${options.confirmedCount}) khác số báo cáo đã chọn (${ids.length}). Hãy xem lại danh sách rồi xác nhận lại.`);
  }
  const confirmed = new Set(options.confirmedFlagged ?? []);
  const outcomes: BulkOutcome[] = [];
  for (const reportId of ids) {
    try {
      const current = await getReport(store, user, reportId);
      const reasons = attentionReasons(current.attention);
      if (reasons.length > 0 && !confirmed.has(reportId)) {
        outcomes.push({
          reportId,
          ok: false,
          needsReview: true,
          message: `Chưa duyệt: báo cáo của ${current.unit.name} cần xem riêng — ${reasons.join('; ')}.`,
        });
        continue;
      }
      const view = await transitionReport(store, user, reportId, 'approve', { comment: options.comment });
      outcomes.push({ reportId, ok: true, message: `Đã duyệt báo cáo của ${view.unit.name}.` });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ reportId, ok: false, message: error.message });
    }
  }
  return outcomes;
}

/** The timeline of a report's transitions, for anyone who may read the report. */
export async function reportTimeline(store: Store, user: SessionUser, reportId: number) {
  const report = await store.reports.findById(reportId);
  if (!report) throw noAccess('report');
  await assertUnitAccess(store, user, report.unitId, 'read', 'report');
  return store.reports.events(reportId);
}

/** Every saved change of values, newest first, with who made it. */
export async function reportHistory(store: Store, user: SessionUser, reportId: number) {
  const report = await store.reports.findById(reportId);
  if (!report) throw noAccess('report');
  await assertUnitAccess(store, user, report.unitId, 'read', 'report');
  return store.reports.history(reportId);
}
