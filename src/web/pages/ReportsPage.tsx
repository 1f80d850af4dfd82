import { useMemo, useState } from 'react';
import { listReports } from '../api/reports';
import type { Unit } from '../api/types';
import { useCurrentUser } from '../auth/SessionContext';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSearchParamPatch } from '../hooks/useSearchParamPatch';
import { CreateReportForm } from '../reports/CreateReportForm';
import { ReportFilterBar, type ReportFilters } from '../reports/ReportFilterBar';
import { ReportList } from '../reports/ReportList';
import { useTemplateDetails } from '../reports/useTemplates';
import { unitIdFrom } from '../review/useChosenUnit';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Pager } from '../ui/Pager';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

const PAGE_SIZE = 25;

export function ReportsPage() {
  useDocumentTitle('Báo cáo');
  const user = useCurrentUser();
  const officer = user.role === 'officer';
  const today = useMemo(() => todayInVietnam(), []);
  const [unit, setUnit] = useState<Unit>(user.unit);
  const [params, set] = useSearchParamPatch();

  // The list's filters live in the address, so a reloaded or shared page shows the same list.
  const listUnitId = officer ? user.unit.id : unitIdFrom(params.get('donVi'), user.unit);
  const filters: ReportFilters = { templateId: params.get('bieuMau') ?? '', periodId: params.get('ky') ?? '', status: params.get('trangThai') ?? '' };
  const page = Math.max(1, Number(params.get('trang')) || 1);
  const query = { unitId: listUnitId, templateId: filters.templateId || undefined, periodId: filters.periodId || undefined, status: filters.status || undefined, page, pageSize: PAGE_SIZE };

  const templates = useTemplateDetails();
  const reports = useApiQuery((signal) => listReports(query, signal), [listUnitId, filters.templateId, filters.periodId, filters.status, page]);
  const templateTitles = useMemo(() => new Map((templates.data ?? []).map((t) => [t.id, t.title])), [templates.data]);
  const filtered = Boolean(filters.templateId || filters.periodId || filters.status || listUnitId !== user.unit.id);

  const list = (
    <section className="panel report-list-panel" aria-labelledby="report-list-title">
      <h2 id="report-list-title">Các báo cáo đã lập</h2>
      <div className="review-controls">
        {!officer && (
          <SubtreeUnitSelect
            home={user.unit}
            unitId={listUnitId === user.unit.id ? null : listUnitId}
            asOf={today}
            onChange={(u) => set({ donVi: u.id === user.unit.id ? null : String(u.id), trang: null })}
          />
        )}
      </div>
      <ReportFilterBar
        templates={templates.data ?? []}
        filters={filters}
        thisYear={Number(today.slice(0, 4))}
        onChange={(patch) =>
          set({
            ...(patch.templateId !== undefined ? { bieuMau: patch.templateId || null } : {}),
            ...(patch.periodId !== undefined ? { ky: patch.periodId || null } : {}),
            ...(patch.status !== undefined ? { trangThai: patch.status || null } : {}),
            trang: null,
          })
        }
      />
      <ErrorNotice error={reports.error} />
      {reports.loading && !reports.data && <LoadingNotice />}
      {reports.data?.total === 0 && (
        <p className="hint">{filtered ? 'Không có báo cáo nào khớp bộ lọc.' : 'Chưa có báo cáo nào. Hãy lập báo cáo đầu tiên bằng biểu mẫu bên dưới.'}</p>
      )}
      {reports.data && reports.data.total > 0 && (
        <>
          <ReportList reports={reports.data.reports} templateTitles={templateTitles} showUnit={!officer} />
          {reports.data.total > PAGE_SIZE && (
            <Pager page={reports.data.page} pageSize={reports.data.pageSize} total={reports.data.total} noun="báo cáo" onPage={(p) => set({ trang: p === 1 ? null : String(p) })} />
          )}
        </>
      )}
    </section>
  );

  const create = (
    <div className="create-report-column">
      {!officer && <SubtreeUnitSelect home={user.unit} unitId={unit.id === user.unit.id ? null : unit.id} asOf={today} onChange={setUnit} label="Đơn vị lập báo cáo" />}
      <ErrorNotice error={templates.error} />
      {templates.loading && !templates.data && <LoadingNotice text="Đang tải các biểu mẫu…" />}
      {templates.data && <CreateReportForm key={unit.id} unit={unit} templates={templates.data} today={today} />}
    </div>
  );

  return (
    <section className="page reports-page">
      <h1>Báo cáo</h1>
      <p className="lead">
        Báo cáo định kỳ công tác cải cách hành chính {officer ? `của ${user.unit.name}` : `của các đơn vị thuộc ${user.unit.name}`}: phụ lục số liệu theo
        biểu mẫu của tỉnh, các chỉ tiêu về hồ sơ được tính từ hồ sơ thủ tục hành chính, số liệu được kiểm tra ngay khi nhập.
      </p>
      {/* The list takes the page's width; an officer starts with the form, a reviewer with the list. */}
      <div className="reports-stack">
        {officer ? (
          <>
            {create}
            {list}
          </>
        ) : (
          <>
            {list}
            {create}
          </>
        )}
      </div>
    </section>
  );
}
