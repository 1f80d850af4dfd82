import { planTransition, submissionProblems, WorkflowError, type TransitionAction } from '../../domain/reports/workflow';
import type { Store } from '../../store/store';
import { StaleReportError } from '../../store/repositories/reports.repository';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { AppError, conflict, forbidden, invalidInput } from '../errors';
import { getReport, type ReportView } from './compute-report';
import { capacityOf } from './report-capacity';

export function workflowFailure(error: WorkflowError): AppError {
  if (error.kind === 'permission') return forbidden(error.message);
  if (error.kind === 'comment') return invalidInput(error.message);
  return conflict(error.message);
}

/**
 * Applies one step of the workflow. A submission is refused while the report has errors or
 * unjustified warnings; the values at submission and at approval are frozen into the event.
 */
export async function transitionReport(
  store: Store,
  user: SessionUser,
  reportId: number,
  action: TransitionAction,
  options: { comment?: string | null | undefined; expectedRevision?: number | undefined } = {},
): Promise<ReportView> {
  const current = await getReport(store, user, reportId);
  const capacity = await capacityOf(store, user, current.report.unitId);
  let transition;
  try {
    transition = planTransition(current.report.status, action, capacity, options.comment);
  } catch (error) {
    if (error instanceof WorkflowError) throw workflowFailure(error);
    throw error;
  }
  if (action === 'submit' || action === 'resubmit') {
    const rowName = (id: string) => {
      const row = current.template.byId.get(id);
      return row?.code ? `dòng ${row.code}` : `dòng "${row?.label ?? id}"`;
    };
    const problems = submissionProblems(current.findings, current.justifications, rowName);
    if (problems.length > 0) {
      throw invalidInput(`Chưa gửi được báo cáo: ${problems.length} vấn đề cần xử lý. ${problems.join(' ')}`, { problems });
    }
  }
  const freezes = action === 'submit' || action === 'resubmit' || action === 'approve';
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
}

/** Approves many submitted reports at once; each one succeeds or fails on its own. */
export async function approveMany(store: Store, user: SessionUser, reportIds: number[], comment?: string | null): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const reportId of reportIds) {
    try {
      const view = await transitionReport(store, user, reportId, 'approve', { comment });
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
  if (!report) throw forbidden('Bạn không có quyền truy cập báo cáo này.');
  await assertUnitAccess(store, user, report.unitId, 'read');
  return store.reports.events(reportId);
}

/** Every saved change of values, newest first, with who made it. */
export async function reportHistory(store: Store, user: SessionUser, reportId: number) {
  const report = await store.reports.findById(reportId);
  if (!report) throw forbidden('Bạn không có quyền truy cập báo cáo này.');
  await assertUnitAccess(store, user, report.unitId, 'read');
  return store.reports.history(reportId);
}
