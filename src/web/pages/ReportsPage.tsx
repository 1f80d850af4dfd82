import { useMemo, useState } from 'react';
import { listReports } from '../api/reports';
import type { Unit } from '../api/types';
import { getUnitSubtree } from '../api/units';
import { useCurrentUser } from '../auth/SessionContext';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { CreateReportForm } from '../reports/CreateReportForm';
import { ReportList } from '../reports/ReportList';
import { useTemplateDetails } from '../reports/useTemplates';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

export function ReportsPage() {
  useDocumentTitle('Báo cáo');
  const user = useCurrentUser();
  const officer = user.role === 'officer';
  const today = useMemo(() => todayInVietnam(), []);
  const [unit, setUnit] = useState<Unit>(user.unit);

  const templates = useTemplateDetails();
  const reports = useApiQuery((signal) => listReports(user.unit.id, signal), [user.unit.id]);
  const spansUnits = (reports.data ?? []).some((r) => r.unitId !== user.unit.id);
  const subtree = useApiQuery(spansUnits ? () => getUnitSubtree(user.unit.id) : null, [spansUnits, user.unit.id]);
  const unitNames = useMemo(() => (spansUnits ? new Map((subtree.data ?? []).map((u) => [u.id, u.name])) : null), [spansUnits, subtree.data]);
  const templateTitles = useMemo(() => new Map((templates.data ?? []).map((t) => [t.id, t.title])), [templates.data]);

  return (
    <section className="page reports-page">
      <h1>Báo cáo</h1>
      <p className="lead">
        Báo cáo định kỳ công tác cải cách hành chính {officer ? `của ${user.unit.name}` : `của các đơn vị thuộc ${user.unit.name}`}: phụ lục số liệu theo
        biểu mẫu của tỉnh, các chỉ tiêu về hồ sơ được tính từ hồ sơ thủ tục hành chính, số liệu được kiểm tra ngay khi nhập.
      </p>
      <div className="reports-layout">
        <section className="panel" aria-labelledby="report-list-title">
          <h2 id="report-list-title">Các báo cáo đã lập</h2>
          <ErrorNotice error={reports.error ?? subtree.error} />
          {reports.loading && !reports.data && <LoadingNotice />}
          {reports.data?.length === 0 && <p className="hint">Chưa có báo cáo nào. Hãy lập báo cáo đầu tiên bằng biểu mẫu bên cạnh.</p>}
          {reports.data && reports.data.length > 0 && <ReportList reports={reports.data} templateTitles={templateTitles} unitNames={unitNames} />}
        </section>
        <div className="create-report-column">
          {!officer && <SubtreeUnitSelect home={user.unit} unitId={unit.id === user.unit.id ? null : unit.id} asOf={today} onChange={setUnit} label="Đơn vị lập báo cáo" />}
          <ErrorNotice error={templates.error} />
          {templates.loading && !templates.data && <LoadingNotice text="Đang tải các biểu mẫu…" />}
          {templates.data && <CreateReportForm key={unit.id} unit={unit} templates={templates.data} reports={reports.data ?? []} today={today} />}
        </div>
      </div>
    </section>
  );
}
