import { useMemo, useState } from 'react';
import { listDossiers, listProcedures } from '../api/dossiers';
import { useCurrentUser } from '../auth/SessionContext';
import { DossierTable } from '../dossiers/DossierTable';
import { ReceiveDossierForm } from '../dossiers/ReceiveDossierForm';
import { RegisterFilterBar } from '../dossiers/RegisterFilterBar';
import { useRegisterFilters } from '../dossiers/useRegisterFilters';
import { todayInVietnam } from '../format/dateTime';
import { formatNumber } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';
import { Pager } from '../ui/Pager';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

const PAGE_SIZE = 50;

export function DossiersPage() {
  useDocumentTitle('Hồ sơ');
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const officer = user.role === 'officer';
  const [filters, update] = useRegisterFilters();
  const unitId = officer ? user.unit.id : (filters.unitId ?? user.unit.id);
  const [receiving, setReceiving] = useState(false);

  const procedures = useApiQuery((signal) => listProcedures(signal), []);
  const register = useApiQuery(
    (signal) =>
      listDossiers(
        {
          unitId,
          page: filters.page,
          pageSize: PAGE_SIZE,
          ...(filters.field ? { field: filters.field } : {}),
          ...(filters.procedureId ? { procedureId: filters.procedureId } : {}),
          ...(filters.channel ? { channel: filters.channel } : {}),
          ...(filters.state ? { state: filters.state } : {}),
          ...(filters.overdueOnly ? { overdueOn: today } : {}),
          ...(filters.receivedFrom ? { receivedFrom: filters.receivedFrom } : {}),
          ...(filters.receivedTo ? { receivedTo: filters.receivedTo } : {}),
          ...(filters.code ? { code: filters.code } : {}),
        },
        signal,
      ),
    [unitId, filters, today],
  );
  const page = register.data;

  return (
    <section className="page dossiers-page">
      <div className="page-head">
        <h1>Hồ sơ</h1>
        {officer && !receiving && (
          <button type="button" className="button button-primary" aria-expanded={receiving} onClick={() => setReceiving(true)}>
            Tiếp nhận hồ sơ
          </button>
        )}
      </div>
      <p className="lead">
        Sổ theo dõi hồ sơ thủ tục hành chính {officer ? `của ${user.unit.name}` : `của các đơn vị thuộc ${user.unit.name}`}: hồ sơ nhập từ phần mềm
        một cửa và hồ sơ tiếp nhận tại bộ phận một cửa.
      </p>
      {officer && receiving && procedures.data && (
        <ReceiveDossierForm unit={user.unit} procedures={procedures.data} onCancel={() => setReceiving(false)} />
      )}
      {officer && receiving && procedures.loading && !procedures.data && <LoadingNotice text="Đang tải danh mục thủ tục…" />}
      {officer && receiving && procedures.data?.length === 0 && (
        <Notice kind="info">Chưa có danh mục thủ tục hành chính. Hãy nhờ quản trị viên nạp danh mục trước khi tiếp nhận hồ sơ.</Notice>
      )}
      {!officer && (
        <SubtreeUnitSelect home={user.unit} unitId={filters.unitId} asOf={today} onChange={(unit) => update({ unitId: unit.id === user.unit.id ? null : unit.id })} />
      )}
      <RegisterFilterBar filters={filters} fields={page?.fields ?? []} procedures={procedures.data ?? []} onChange={update} />
      <ErrorNotice error={register.error ?? procedures.error} />
      {register.loading && !page && <LoadingNotice />}
      {page && (
        <div className="panel register" aria-busy={register.loading}>
          <p className="result-count" role="status">
            {page.total === 0 ? 'Không có hồ sơ nào khớp với bộ lọc.' : `Tìm thấy ${formatNumber(page.total)} hồ sơ.`}
          </p>
          {page.items.length > 0 && <DossierTable items={page.items} today={today} showUnit={!officer} />}
          {page.total > page.pageSize && (
            <Pager page={page.page} pageSize={page.pageSize} total={page.total} noun="hồ sơ" onPage={(p) => update({ page: p })} />
          )}
        </div>
      )}
    </section>
  );
}
