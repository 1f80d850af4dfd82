import type { StatsGroup } from '../api/stats';
import { formatNumber } from '../format/number';

const BAR_HEIGHT = 12;
const GAP = 4;

/**
 * Per field: dossiers received in the period, and those resolved, on time (before or on the
 * appointment day) and late. Plain SVG bars scaled to the largest number; the numbers are written out.
 */
export function FieldBarChart({ groups }: { groups: StatsGroup[] }) {
  const max = Math.max(1, ...groups.map((g) => Math.max(g.stats.received.in_period, g.stats.resolved.total)));
  const pct = (n: number) => (n / max) * 100;
  return (
    <figure className="bar-chart">
      <figcaption>Tiếp nhận trong kỳ và kết quả giải quyết theo lĩnh vực</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch swatch-received" /> Tiếp nhận trong kỳ
        </li>
        <li>
          <span className="swatch swatch-ontime" /> Giải quyết đúng hạn (gồm trước hạn)
        </li>
        <li>
          <span className="swatch swatch-late" /> Giải quyết quá hạn
        </li>
      </ul>
      <ul className="chart-rows" aria-label="Biểu đồ theo lĩnh vực">
        {groups.map((g) => {
          const received = g.stats.received.in_period;
          const onTime = g.stats.resolved.early + g.stats.resolved.on_time;
          const late = g.stats.resolved.late;
          const words = `${g.label}: tiếp nhận ${formatNumber(received)}, đúng hạn ${formatNumber(onTime)}, quá hạn ${formatNumber(late)}`;
          return (
            <li key={g.key} className="chart-row" aria-label={words}>
              <span className="chart-label">{g.label}</span>
              <svg className="chart-bars" viewBox={`0 0 100 ${BAR_HEIGHT * 2 + GAP}`} preserveAspectRatio="none" aria-hidden="true">
                <rect className="bar-received" x={0} y={0} width={pct(received)} height={BAR_HEIGHT}>
                  <title>{`Tiếp nhận: ${formatNumber(received)}`}</title>
                </rect>
                <rect className="bar-ontime" x={0} y={BAR_HEIGHT + GAP} width={pct(onTime)} height={BAR_HEIGHT}>
                  <title>{`Đúng hạn: ${formatNumber(onTime)}`}</title>
                </rect>
                <rect className="bar-late" x={pct(onTime)} y={BAR_HEIGHT + GAP} width={pct(late)} height={BAR_HEIGHT}>
                  <title>{`Quá hạn: ${formatNumber(late)}`}</title>
                </rect>
              </svg>
              <span className="chart-values" aria-hidden="true">
                <span>{formatNumber(received)}</span>
                <span>
                  {formatNumber(onTime)} / <span className="late-value">{formatNumber(late)}</span>
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
