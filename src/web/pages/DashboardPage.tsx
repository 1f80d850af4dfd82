import { useMemo } from 'react';

import { DEFAULT_RULE, parsePeriodId, periodContaining, type Period } from '../../domain/period';
import {
  distributionXlsxUrl,
  getDistribution,
  getRanking,
  getTrend,
  rankingXlsxUrl,
  trendXlsxUrl,
  type RateKey,
  type TrendKind,
} from '../api/dashboard';
import { useCurrentUser } from '../auth/SessionContext';
import { ChartCard } from '../dashboard/ChartCard';
import { CompletenessCard } from '../dashboard/CompletenessCard';
import { DashboardControls, KIND_OPTIONS } from '../dashboard/DashboardControls';
import { DistributionChart } from '../dashboard/DistributionChart';
import { fileSlug } from '../dashboard/download';
import { hasUnitsBelow } from '../dashboard/scope';
import { RankingChart } from '../dashboard/RankingChart';
import { isRateKey, LOWER_IS_BETTER } from '../dashboard/rates';
import { TrendChart } from '../dashboard/TrendChart';
import '../dashboard/dashboard.css';
import { formatDate } from '../format/date';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useSearchParamPatch } from '../hooks/useSearchParamPatch';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

const FIRST_YEAR = 2020;

const isKind = (text: string | null): text is TrendKind => KIND_OPTIONS.some((o) => o.value === text);

/** The period in the address when it is one of the chosen kind, else the one whose window holds today. */
function periodOf(id: string | null, kind: TrendKind, today: string): Period {
  if (id) {
    try {
      const period = parsePeriodId(id);
      if (period.kind === kind) return period;
    } catch {
      // A mistyped address falls back to the current period.
    }
  }
  return periodContaining(today, kind, DEFAULT_RULE);
}

export function DashboardPage() {
  useDocumentTitle('Bảng điều khiển');
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const [params, set] = useSearchParamPatch();
  const kindParam = params.get('loai');
  const kind: TrendKind = isKind(kindParam) ? kindParam : 'quarter';
  const period = useMemo(() => periodOf(params.get('ky'), kind, today), [params, kind, today]);
  const rateParam = params.get('tyLe');
  const rate: RateKey = isRateKey(rateParam) ? rateParam : 'on_time_pct';
  const chosenUnit = Number(params.get('donVi'));
  const unitId = user.role !== 'officer' && Number.isInteger(chosenUnit) && chosenUnit > 0 ? chosenUnit : user.unit.id;
  const years = useMemo(() => {
    const last = Math.max(Number(today.slice(0, 4)) + 1, period.year);
    return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  }, [today, period]);

  const trendQuery = { unitId, kind, periodId: period.id };
  const unitsQuery = { unitId, periodId: period.id, rate, order: LOWER_IS_BETTER.has(rate) ? ('asc' as const) : ('desc' as const) };
  const trend = useApiQuery((signal) => getTrend(trendQuery, signal), [unitId, kind, period.id]);
  const unit = trend.data?.unit ?? (unitId === user.unit.id ? user.unit : null);
  // A commune has no units below it: no ranking, no distribution, no words about "đơn vị trực thuộc".
  const leaf = unit !== null && !hasUnitsBelow(unit);
  const ranking = useApiQuery(unit && !leaf ? (signal) => getRanking(unitsQuery, signal) : null, [unitId, period.id, rate, unit !== null, leaf]);
  const distribution = useApiQuery(unit && !leaf ? (signal) => getDistribution(unitsQuery, signal) : null, [unitId, period.id, rate, unit !== null, leaf]);
  const unitSlug = fileSlug(unit?.name ?? String(unitId));
  const noChildren = ranking.data !== undefined && ranking.data.items.length === 0;


  return (
    <section className="page dashboard-page">
      <h1>Bảng điều khiển</h1>
      <p className="lead">
        {leaf
          ? `Các tỷ lệ chính của bộ phận một cửa ${unit.name} qua các kỳ và tình hình nộp báo cáo của ${unit.name}.`
          : 'Các tỷ lệ chính của bộ phận một cửa qua các kỳ, xếp hạng và phân bố của các đơn vị trực thuộc, tình hình nộp báo cáo.'}{' '}
        Mỗi tỷ lệ được tính lại từ tử số và mẫu số (không lấy trung bình); số liệu chốt theo Nghị định 09/2019/NĐ-CP.
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
            onChange={(u) => set({ donVi: u.id === user.unit.id ? null : String(u.id) })}
          />
        )}
        <DashboardControls
          kind={kind}
          period={period}
          years={years}
          rate={rate}
          onPeriod={(k, p) => set({ loai: k, ky: p.id })}
          onRate={leaf ? null : (r) => set({ tyLe: r })}
        />
      </div>

      <div className="dashboard-grid">
        <ChartCard
          title="Xu hướng các tỷ lệ chính"
          description={`Tỷ lệ giải quyết đúng hạn, tiếp nhận trực tuyến, số hóa hồ sơ và thanh toán trực tuyến của ${leaf ? 'đơn vị' : 'đơn vị (gồm các đơn vị trực thuộc)'} qua các kỳ gần nhất; dấu * là kỳ chưa kết thúc.`}
          fileName={`xu-huong-${unitSlug}-${period.id}`}
          hasChart={trend.data !== undefined}
          xlsx={trend.data ? { href: trendXlsxUrl(trendQuery) } : null}
        >
          {(chartRef) => (
            <>
              <ErrorNotice error={trend.error} />
              {trend.loading && !trend.data && <LoadingNotice />}
              {trend.data && <TrendChart trend={trend.data} chartRef={chartRef} />}
            </>
          )}
        </ChartCard>

        {!leaf && (
          <>
        <ChartCard
          title="Phân bố tỷ lệ của các đơn vị trực thuộc"
          description="Số đơn vị trực thuộc trong từng khoảng 10 điểm phần trăm (mỗi khoảng gồm cận dưới), và số đơn vị không có hồ sơ để tính."
          fileName={`phan-bo-${unitSlug}-${period.id}-${rate}`}
          hasChart={distribution.data !== undefined && !noChildren}
          xlsx={distribution.data && !noChildren ? { href: distributionXlsxUrl(unitsQuery) } : null}
        >
          {(chartRef) => (
            <>
              <ErrorNotice error={distribution.error} />
              {distribution.loading && !distribution.data && <LoadingNotice />}
              {noChildren && <Notice kind="info">Đơn vị này không có đơn vị trực thuộc.</Notice>}
              {distribution.data && !noChildren && <DistributionChart distribution={distribution.data} chartRef={chartRef} />}
            </>
          )}
        </ChartCard>

        <ChartCard
          title="Xếp hạng các đơn vị trực thuộc"
          description={
            ranking.data
              ? `Các đơn vị trực thuộc trực tiếp còn hiệu lực ngày ${formatDate(ranking.data.unitsOn)}, mỗi đơn vị gồm cả các đơn vị bên dưới; tỷ lệ bằng nhau cùng hạng, đơn vị không có hồ sơ xếp cuối.`
              : undefined
          }
          fileName={`xep-hang-${unitSlug}-${period.id}-${rate}`}
          hasChart={ranking.data !== undefined && !noChildren}
          xlsx={ranking.data && !noChildren ? { href: rankingXlsxUrl(unitsQuery) } : null}
          wide
        >
          {(chartRef) => (
            <>
              <ErrorNotice error={ranking.error} />
              {ranking.loading && !ranking.data && <LoadingNotice />}
              {noChildren && <Notice kind="info">Đơn vị này không có đơn vị trực thuộc để xếp hạng.</Notice>}
              {ranking.data && !noChildren && <RankingChart ranking={ranking.data} chartRef={chartRef} />}
            </>
          )}
        </ChartCard>
          </>
        )}

        {unit && <CompletenessCard unit={unit} trend={trend.data} />}
      </div>
    </section>
  );
}
