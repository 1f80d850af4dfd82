import { useMemo } from 'react';
import { getIndex766, getIndex766Profiles, getIndex766Trend, type Index766Query } from '../api/index766';
import { useCurrentUser } from '../auth/SessionContext';
import '../dashboard/dashboard.css';
import { formatDate } from '../format/date';
import { todayInVietnam } from '../format/dateTime';
import { formatNumber } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSearchParamPatch } from '../hooks/useSearchParamPatch';
import { IndicatorTable } from '../index766/IndicatorTable';
import { RankingCard, TrendCard } from '../index766/Index766Charts';
import '../index766/index766.css';
import { ManualInputs } from '../index766/ManualInputs';
import { recentMonths } from '../index766/months';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

/**
 * "Chỉ số 766": the service index of Decision 766/QĐ-TTg computed from the unit's own dossiers —
 * the score and its groups, the points lost by sub-indicator with the dossiers behind them, the
 * trend of 12 months, the ranking of the units below, and the inputs the dossiers cannot give.
 */
export function Index766Page() {
  useDocumentTitle('Chỉ số 766');
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const months = useMemo(() => recentMonths(today), [today]);
  const [params, set] = useSearchParamPatch();
  const periodId = months.some((m) => m.id === params.get('ky')) ? params.get('ky')! : months[0]!.id;
  const month = months.find((m) => m.id === periodId)!;
  const profileId = params.get('boTieuChi') ?? undefined;
  const chosenUnit = Number(params.get('donVi'));
  const unitId = user.role !== 'officer' && Number.isInteger(chosenUnit) && chosenUnit > 0 ? chosenUnit : user.unit.id;
  const query: Index766Query = { unitId, periodId, profileId };

  const profiles = useApiQuery((signal) => getIndex766Profiles(signal), []);
  const index = useApiQuery((signal) => getIndex766(query, signal), [unitId, periodId, profileId]);
  const trend = useApiQuery((signal) => getIndex766Trend(query, signal), [unitId, periodId, profileId]);
  const data = index.data;

  return (
    <section className="page index766-page">
      <h1>Chỉ số 766</h1>
      <p className="lead">
        Chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) tính từ chính hồ sơ của đơn vị:
        mỗi điểm bị mất đều chỉ ra được những hồ sơ nào gây ra. Tháng đang diễn ra được tạm tính đến hôm nay. Cách tính và nguồn: docs/index-766.md.
      </p>
      <div className="stats-controls">
        {user.role === 'officer' ? (
          <div className="field">
            <span>Đơn vị</span>
            <strong>{user.unit.name}</strong>
          </div>
        ) : (
          <SubtreeUnitSelect home={user.unit} unitId={unitId === user.unit.id ? null : unitId} asOf={today} onChange={(u) => set({ donVi: u.id === user.unit.id ? null : String(u.id) })} />
        )}
        <label className="field">
          <span>Tháng</span>
          <select aria-label="Tháng" value={periodId} onChange={(e) => set({ ky: e.target.value })}>
            {months.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Bộ tiêu chí</span>
          <select aria-label="Bộ tiêu chí" value={profileId ?? ''} onChange={(e) => set({ boTieuChi: e.target.value || null })}>
            <option value="">Theo thời điểm (mặc định)</option>
            {profiles.data?.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </div>

      <ErrorNotice error={index.error} />
      {!data && !index.error && <LoadingNotice />}
      {data && (
        <>
          <div className="index766-score" aria-label="Tổng điểm">
            <span className="index766-total">{data.score.total === null ? '—' : formatNumber(data.score.total)}</span>
            <span>/100 điểm — {data.unit.name}, {data.period.label}</span>
            {data.period.running && <strong>Tạm tính đến ngày {formatDate(data.period.measuredTo)} (dự báo tháng hiện tại)</strong>}
            {data.score.rescaled && (
              <span className="hint">
                Đạt {formatNumber(data.score.earned)}/{formatNumber(data.score.applicableMax)} điểm của các chỉ số được tính, quy về thang 100.
              </span>
            )}
          </div>
          <div className="index766-groups" aria-label="Điểm theo nhóm">
            {data.score.groups.map((g) => (
              <div className="index766-group" key={g.id}>
                {g.name}
                <strong>
                  {formatNumber(g.points)}/{formatNumber(g.applicableMax)}
                </strong>
                {g.applicableMax !== g.max && <span className="hint">tối đa {formatNumber(g.max)}</span>}
              </div>
            ))}
          </div>
          <p className="hint">Bộ tiêu chí: {data.profile.name}. {data.profile.basis}.</p>

          <h2>Điểm bị mất theo chỉ số thành phần</h2>
          <IndicatorTable index={data} query={query} />

          <div className="dashboard-grid">
            {trend.data ? <TrendCard trend={trend.data} /> : <ErrorNotice error={trend.error} />}
            {data.children.length > 0 && <RankingCard index={data} onPick={(id) => set({ donVi: String(id) })} />}
          </div>

          <h2>Số liệu nhập tay tháng {month.label.replace('Tháng ', '')}</h2>
          <p className="hint">
            Những số liệu không có trong hồ sơ (công bố thủ tục, phản ánh kiến nghị, khai thác dữ liệu…) của chính {data.unit.name}; đơn vị cấp trên cộng
            số liệu của các đơn vị trực thuộc. Mỗi lần lưu được ghi nhật ký.
          </p>
          <ManualInputs unitId={unitId} month={month.month} profileId={profileId} onSaved={() => index.reload()} />
        </>
      )}
    </section>
  );
}
