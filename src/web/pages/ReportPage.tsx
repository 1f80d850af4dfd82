import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Template } from '../../domain/templates/template';
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
import { isEditable } from '../reports/status';
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
  const loaded = report.data?.id === id && built && built.id === templateId ? { report: report.data, template: built } : null;
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
  const readOnly = !isEditable(report.status);
  useUnsavedChangesWarning(draft.unsaved > 0);
  const scope: ReportScope = {
    unitId: report.unit.id,
    templateCutoff: template.cutoff,
    periodId: report.periodId,
    windowFrom: report.windowFrom,
    windowTo: report.windowTo,
  };
  const byRow = useMemo(() => findingsByRow(draft.findings), [draft.findings]);

  return (
    <>
      <ReportHeader report={report} cutoff={template.cutoff} scope={scope} viewerUnitId={user.unit.id} />
      {readOnly ? (
        <Notice kind="info">Báo cáo đã gửi hoặc đã duyệt: chỉ xem, không sửa được.</Notice>
      ) : (
        <ReportToolbar
          unsaved={draft.unsaved}
          busy={draft.busy}
          counts={countFindings(draft.findings)}
          onSave={() => void draft.save()}
          onRecompute={() => void draft.recompute()}
        >
          <ErrorNotice error={draft.error} />
          {draft.message && <Notice kind="success">{draft.message}</Notice>}
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
      <ReportDocumentPanel reportId={report.id} readOnly={readOnly} template={template} values={draft.values} />
    </>
  );
}
