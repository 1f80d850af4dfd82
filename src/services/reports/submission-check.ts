import { todayInVietnam } from '../../domain/calendar/date-time';
import { templateOutline } from '../../domain/narrative/outline';
import { submissionChecklist, type SubmissionChecklist } from '../../domain/reports/submission-checklist';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import type { ReportView } from './compute-report';
import { documentOfView, reportViewFor, type ReportDocument } from './report-document';

/**
 * The submission checklist of a report as it is stored (values, justifications, document), with
 * the reason for sending early when one is given. The same list stops a submission in
 * transitionReport and is shown by the Gửi button before the officer confirms.
 */
export async function checklistOfView(
  store: Store,
  view: ReportView,
  earlyReason?: string | null,
  document?: Pick<ReportDocument, 'meta' | 'narrative'>,
): Promise<SubmissionChecklist> {
  const doc = document ?? (await documentOfView(store, view));
  return submissionChecklist({
    template: view.template,
    level: view.unit.level,
    values: new Map([...view.values].map(([id, v]) => [id, v.value])),
    reportValues: view.values,
    findings: view.findings,
    justifications: view.justifications,
    meta: doc.meta,
    narrative: doc.narrative,
    outline: templateOutline(view.template),
    windowTo: view.report.windowTo,
    today: todayInVietnam(),
    earlyReason,
  });
}

/** For anyone who may read the report (GET /api/reports/:id/submission-check). */
export async function checkSubmission(store: Store, user: SessionUser, reportId: number, earlyReason?: string | null): Promise<SubmissionChecklist> {
  return checklistOfView(store, await reportViewFor(store, user, reportId), earlyReason);
}
