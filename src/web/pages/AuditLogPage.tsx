import { useEffect, useMemo, useState } from 'react';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS } from '../../domain/audit/audit-actions';
import { readAuditLog, type AuditEvent, type AuditFilters } from '../api/audit';
import { isAdmin } from '../auth/roles';
import { useCurrentUser } from '../auth/SessionContext';
import { AuditTable } from '../audit/AuditTable';
import { todayIso } from '../format/date';
import { formatNumber } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSearchParamPatch } from '../hooks/useSearchParamPatch';
import { DateInput } from '../ui/DateInput';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { NoAccess } from '../ui/NoAccess';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).sort(([, a], [, b]) => a.localeCompare(b, 'vi'));
const ACTION_GROUPS: Array<[string, string]> = [
  ['report.', 'Mọi thao tác với báo cáo'],
  ['dossier.', 'Tiếp nhận và xử lý hồ sơ'],
  ['dossiers.', 'Nhập hồ sơ từ tệp'],
  ['users.', 'Mọi thao tác với tài khoản'],
  ['calendar.', 'Mọi thao tác với lịch làm việc'],
  ['store.', 'Sao lưu, khôi phục, cập nhật dữ liệu'],
];

export function AuditLogPage() {
  useDocumentTitle('Nhật ký hoạt động');
  const user = useCurrentUser();
  if (!isAdmin(user)) {
    return <NoAccess title="Nhật ký hoạt động" message="Bạn không có quyền truy cập trang này. Chỉ quản trị viên được xem nhật ký hoạt động." />;
  }
  return <AuditLog />;
}

function AuditLog() {
  const me = useCurrentUser();
  const today = useMemo(() => todayIso(), []);
  const [params, set] = useSearchParamPatch();
  const unitId = params.get('donVi') ? Number(params.get('donVi')) : null;
  const [username, setUsername] = useState(params.get('nguoi') ?? '');
  const debouncedUsername = useDebouncedValue(username.trim(), 400);
  useEffect(() => {
    if ((params.get('nguoi') ?? '') !== debouncedUsername) set({ nguoi: debouncedUsername || null });
  }, [debouncedUsername]);
  const filters: AuditFilters = {
    ...(unitId ? { unitId } : {}),
    ...(params.get('nguoi') ? { username: params.get('nguoi')! } : {}),
    ...(params.get('thaoTac') ? { action: params.get('thaoTac')! } : {}),
    ...(params.get('ketQua') ? { outcome: params.get('ketQua')! } : {}),
    ...(params.get('tu') ? { from: params.get('tu')! } : {}),
    ...(params.get('den') ? { to: params.get('den')! } : {}),
  };
  const key = JSON.stringify(filters);
  const first = useApiQuery((signal) => readAuditLog(filters, null, signal), [key]);
  const [older, setOlder] = useState<{ events: AuditEvent[]; next: number | null; error: Error | null; loading: boolean }>({ events: [], next: null, error: null, loading: false });
  useEffect(() => setOlder({ events: [], next: null, error: null, loading: false }), [key]);
  const events = [...(first.data?.events ?? []), ...older.events];
  const next = older.events.length > 0 ? older.next : (first.data?.nextBeforeId ?? null);

  const loadOlder = async () => {
    if (!next) return;
    setOlder((o) => ({ ...o, loading: true, error: null }));
    try {
      const page = await readAuditLog(filters, next);
      setOlder((o) => ({ events: [...o.events, ...page.events], next: page.nextBeforeId, error: null, loading: false }));
    } catch (failure) {
      setOlder((o) => ({ ...o, loading: false, error: failure instanceof Error ? failure : new Error(String(failure)) }));
    }
  };

  return (
    <section className="page audit-page">
      <h1>Nhật ký hoạt động</h1>
      <p className="lead">
        Ai đã làm gì với dữ liệu của {me.unit.name} và các đơn vị trực thuộc: đăng nhập (cả lần sai), yêu cầu bị từ chối, mọi thay đổi
        dữ liệu, các lần tải báo cáo và tệp. Tên người thực hiện được giữ như lúc đó. Nhật ký chỉ được ghi thêm, không ai sửa hay xóa được.
      </p>
      <form className="filter-bar panel" role="search" aria-label="Lọc nhật ký" onSubmit={(e) => e.preventDefault()}>
        <SubtreeUnitSelect home={me.unit} unitId={unitId === me.unit.id ? null : unitId} asOf={today} onChange={(unit) => set({ donVi: unit.id === me.unit.id ? null : String(unit.id) })} />
        <label className="field">
          <span>Tên đăng nhập</span>
          <input type="search" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <label className="field field-wide">
          <span>Thao tác</span>
          <select value={params.get('thaoTac') ?? ''} onChange={(e) => set({ thaoTac: e.target.value || null })}>
            <option value="">Tất cả thao tác</option>
            <optgroup label="Nhóm">
              {ACTION_GROUPS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Từng thao tác">
              {ACTION_OPTIONS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>Kết quả</span>
          <select value={params.get('ketQua') ?? ''} onChange={(e) => set({ ketQua: e.target.value || null })}>
            <option value="">Tất cả</option>
            {Object.entries(AUDIT_OUTCOME_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <DateInput label="Từ ngày" value={params.get('tu') ?? ''} onChange={(iso) => set({ tu: iso || null })} />
        <DateInput label="Đến ngày" value={params.get('den') ?? ''} onChange={(iso) => set({ den: iso || null })} />
      </form>
      <div className="panel">
        <ErrorNotice error={first.error} />
        {first.loading && !first.data && <LoadingNotice />}
        {first.data && (
          <>
            <p>{events.length === 0 ? 'Không có hoạt động nào khớp điều kiện lọc.' : `${formatNumber(events.length)} hoạt động, mới nhất trước.`}</p>
            {events.length > 0 && <AuditTable events={events} />}
            <ErrorNotice error={older.error} />
            {next && (
              <button type="button" className="button" onClick={loadOlder} disabled={older.loading}>
                {older.loading ? 'Đang tải…' : 'Xem các hoạt động cũ hơn'}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
