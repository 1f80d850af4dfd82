import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { templateForLevel, type Template } from '../../domain/templates/template';
import { getReport, getTemplate, type Report } from '../api/reports';
import { useCurrentUser } from '../auth/SessionContext';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useUnsavedChangesWarning } from '../hooks/useUnsavedChangesWarning';
import { countFindings, findingsByRow } from '../reports/draft';
import { FindingsSummary } from '../reports/FindingsSummary';
import { periodTitle } from '../reports/periods';
import { ReportDocumentPanel } from '../reports/ReportDocumentPanel';
import { ReportHeader } from '../reports/ReportHeader';
import { ReportTable } from '../reports/ReportTable';
import { ReportToolbar } from '../reports/ReportToolbar';
import type { ReportScope } from '../reports/sources';
import { ReportHistory } from '../reports/ReportHistory';
import { ReportTimeline } from '../reports/ReportTimeline';
import { ReportWorkflowBar } from '../reports/ReportWorkflowBar';
import { ReviewAttentionPanel } from '../reports/ReviewAttentionPanel';
import { ChangesSinceReturnPanel } from '../reports/ChangesSinceReturnPanel';
import { ReportFileImport } from '../reports/ReportFileImport';
import { StaleDataNotice } from '../reports/StaleDataNotice';
import { toTemplate } from '../reports/template';
import { useReportDraft } from '../reports/useReportDraft';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';

export function ReportPage() {
  const { reportId } = useParams();
  const id = Number(reportId);
  const valid = Number.isInteger(id) && id > 0;
  const report = useApiQuery(valid ? (signal) => getReport(id, signal) : null, [id, valid]);
  const templateId = report.data?.id === id ? report.data.templateId : null;
  const template = useApiQuery(templateId ? (signal) => getTemplate(templateId, signal) : null, [templateId]);
  const built = useMemo(() => (template.data ? toTemplate(template.data) : null), [template.data]);
  // The unit fills only the rows of its level: a commune does not see the rows about the district.
  const level = report.data?.unit.level;
  const forLevel = useMemo(() => (built && level ? templateForLevel(built, level) : null), [built, level]);
  const loaded = report.data?.id === id && forLevel && forLevel.id === templateId ? { report: report.data, template: forLevel } : null;
  const title = loaded ? `Báo cáo ${periodTitle(loaded.report.periodId)}` : 'Báo cáo';
  useDocumentTitle(title);

  return (
    <section className="page report-page">
      <p className="back-link">
        <Link to="/bao-cao">‹ Danh sách báo cáo</Link>
      </p>
      <h1>{title}</h1>
      {!valid && <Notice kind="error">Địa chỉ báo cáo không hợp lệ.</Notice>}
      <ErrorNotice error={report.error ?? template.error} />
      {valid && !loaded && !report.error && !template.error && <LoadingNotice />}
      {loaded && <ReportEditor key={loaded.report.id} initial={loaded.report} template={loaded.template} />}
    </section>
  );
}

function ReportEditor({ initial, template }: { initial: Report; template: Template }) {
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const draft = useReportDraft(initial, template, today);
  const { report } = draft;
  // The server says who may edit: the unit's own officer while the report is a draft or returned.
  const readOnly = !report.actions.some((a) => a.action === 'edit');
  const lastReturn = report.status === 'returned' ? report.events.filter((e) => e.action === 'return').at(-1) : undefined;
  useUnsavedChangesWarning(draft.unsaved > 0);
  const scope: ReportScope = {
    unitId: report.unit.id,
    templateCutoff: template.cutoff,
    periodId: report.periodId,
    windowFrom: report.windowFrom,
    windowTo: report.windowTo,
  };
  const byRow = useMemo(() => findingsByRow(draft.findings), [draft.findings]);
  // What the reviewer looks at first: on a report sent up (and for whoever reviews it).
  const reviewing = report.status === 'submitted' || report.status === 'approved' || report.actions.some((a) => a.action === 'approve');
  const wasReturned = report.events.some((e) => e.action === 'return');
  // A file may replace the document too: the document panel starts again from the server.
  const [documentLoads, setDocumentLoads] = useState(0);

  return (
    <>
      <ReportHeader report={report} cutoff={template.cutoff} scope={scope} viewerUnitId={user.unit.id} />
      {lastReturn && (
        <Notice kind="warning">
          Báo cáo bị trả lại bởi {lastReturn.userName ?? 'cấp trên'}. Lý do: {lastReturn.comment}
        </Notice>
      )}
      {reviewing && <ReviewAttentionPanel attention={report.attention} />}
      {wasReturned && <ChangesSinceReturnPanel reportId={report.id} revision={report.revision} />}
      <StaleDataNotice report={report} onRecompute={readOnly ? null : () => void draft.recompute()} busy={draft.busy !== null} />
      <ReportWorkflowBar report={report} unsaved={draft.unsaved} onDone={draft.replace} />
      {readOnly ? (
        <Notice kind="info">{readOnlyReason(report.status)}</Notice>
      ) : (
        <ReportToolbar
          unsaved={draft.unsaved}
          busy={draft.busy}
          counts={countFindings(draft.findings)}
          onSave={() => void draft.save()}
          onRecompute={() => void draft.recompute()}
        >
          <ErrorNotice error={draft.error} />
          {draft.conflict && (
            <button type="button" className="button" onClick={() => void draft.reload()}>
              Tải bản mới nhất (giữ các ô đang nhập)
            </button>
          )}
          {draft.message && <Notice kind="success">{draft.message}</Notice>}
          <ReportFileImport
            report={report}
            unsaved={draft.unsaved}
            onImported={(result) => {
              draft.replace(result.report);
              setDocumentLoads((n) => n + 1);
            }}
          />
        </ReportToolbar>
      )}
      <FindingsSummary
        template={template}
        findings={draft.findings}
        source={draft.findingsSource}
        justified={(f) => draft.justificationText(f.rule, f.row).trim() !== ''}
      />
      <ReportTable
        template={template}
        saved={draft.saved}
        values={draft.values}
        edits={draft.edits}
        findingsByRow={byRow}
        readOnly={readOnly}
        scope={scope}
        viewerUnitId={user.unit.id}
        onEdit={draft.setEdit}
        justificationText={draft.justificationText}
        onJustify={draft.setJustification}
      />
      <ReportDocumentPanel key={documentLoads} reportId={report.id} readOnly={readOnly} template={template} values={draft.values} />
      <section className="report-workflow-history">
        <h2>Quá trình gửi và duyệt</h2>
        <ReportTimeline events={report.events} />
        <ReportHistory reportId={report.id} revision={report.revision} template={template} />
      </section>
    </>
  );
}

function readOnlyReason(status: string): string {
  switch (status) {
    case 'submitted':
      return 'Báo cáo đã gửi, đang chờ cấp trên duyệt: số liệu được giữ nguyên như lúc gửi.';
    case 'approved':
      return 'Báo cáo đã duyệt: không sửa trực tiếp được. Muốn đính chính, hãy mở lại báo cáo kèm lý do.';
    default:
      return 'Bạn chỉ được xem báo cáo này.';
  }
}
