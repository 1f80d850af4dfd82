import { useMemo } from 'react';
import { useSearchParamPatch } from '../hooks/useSearchParamPatch';
import { getStats } from '../api/stats';
import { useCurrentUser } from '../auth/SessionContext';
import { todayInVietnam } from '../format/dateTime';
import { formatNumber } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { FieldBarChart } from '../stats/FieldBarChart';
import { OneStopTable } from '../stats/OneStopTable';
import { PeriodPicker } from '../stats/PeriodPicker';
import { periodFromId, type ChosenPeriod } from '../stats/periods';
import { RatesTable } from '../stats/RatesTable';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

const FIRST_YEAR = 2020;

export function StatsPage() {
  useDocumentTitle('Thống kê');
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const [params, patchParams] = useSearchParamPatch();
  const period = useMemo(() => periodFromId(params.get('ky'), today), [params, today]);
  const chosenUnit = Number(params.get('donVi'));
  const unitId = user.role !== 'officer' && Number.isInteger(chosenUnit) && chosenUnit > 0 ? chosenUnit : user.unit.id;
  const years = useMemo(() => {
    const last = Math.max(Number(today.slice(0, 4)) + 1, period.period.year);
    return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  }, [today, period]);

  const stats = useApiQuery((signal) => getStats({ unitId, from: period.from, to: period.to, by: 'field' }, signal), [unitId, period.from, period.to]);
  const data = stats.data;

  const set = (patch: { ky?: string; donVi?: number | null }) =>
    patchParams({
      ...(patch.ky !== undefined ? { ky: patch.ky } : {}),
      ...(patch.donVi !== undefined ? { donVi: patch.donVi === null ? null : String(patch.donVi) } : {}),
    });

  return (
    <section className="page stats-page">
      <h1>Thống kê hồ sơ</h1>
      <p className="lead">
        Tình hình tiếp nhận và giải quyết hồ sơ thủ tục hành chính của đơn vị, tính cả các đơn vị trực thuộc. Hồ sơ giải quyết đúng hạn khi có kết quả
        trước hoặc trong ngày hẹn trả; hồ sơ tồn là hồ sơ chưa giải quyết xong vào cuối ngày trước kỳ.
      </p>
      <div className="stats-controls">
        {user.role === 'officer' ? (
          <div className="field">
            <span>Đơn vị</span>
            <strong>{user.unit.name}</strong>
          </div>
        ) : (
          <SubtreeUnitSelect
            home={user.unit}
            unitId={unitId === user.unit.id ? null : unitId}
            asOf={today}
            onChange={(unit) => set({ donVi: unit.id === user.unit.id ? null : unit.id })}
          />
        )}
        <PeriodPicker value={period} years={years} onChange={(p: ChosenPeriod) => set({ ky: p.id })} />
      </div>
      <ErrorNotice error={stats.error} />
      {stats.loading && !data && <LoadingNotice />}
      {data && (
        <div className="stats-results" aria-busy={stats.loading}>
          <h2>
            {data.unit.name} — {period.label}
          </h2>
          {data.unitCount > 1 && <p className="hint">Gồm {formatNumber(data.unitCount)} đơn vị (đơn vị và các đơn vị trực thuộc).</p>}
          <OneStopTable
            caption="Tình hình giải quyết hồ sơ"
            rowHeading="Đơn vị"
            rows={[{ key: 'unit', label: data.unit.name, stats: data.stats, total: true }]}
          />
          <h2 className="section-title">Các tỷ lệ</h2>
          <RatesTable stats={data.stats} />
          <h2 className="section-title">Theo lĩnh vực</h2>
          {data.groups && data.groups.length > 0 ? (
            <>
              <OneStopTable
                caption="Tình hình giải quyết hồ sơ theo lĩnh vực"
                rowHeading="Lĩnh vực"
                rows={[
                  ...data.groups.map((g) => ({ key: g.key, label: g.label, stats: g.stats })),
                  { key: 'total', label: 'Tổng cộng', stats: data.stats, total: true },
                ]}
              />
              <FieldBarChart groups={data.groups} />
            </>
          ) : (
            <p className="hint">Không có hồ sơ nào trong thời gian này.</p>
          )}
        </div>
      )}
    </section>
  );
}
