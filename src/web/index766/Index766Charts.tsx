import { useMemo } from 'react';
import { tableXlsx } from '../api/dashboard';
import type { Index766, Index766Trend } from '../api/index766';
import { ChartCard } from '../dashboard/ChartCard';
import { fileSlug } from '../dashboard/download';
import { EChart } from '../dashboard/EChart';
import { chartTitle, COLORS, escapeHtml, FONT, type ChartOption } from '../dashboard/echarts';
import { formatNumber } from '../format/number';

const score = (value: number | null) => (value === null ? 'không có số liệu' : formatNumber(value));

export function trendOption(trend: Index766Trend): ChartOption {
  const first = trend.points[0];
  const last = trend.points.at(-1);
  const span = first && last ? `${first.shortLabel} – ${last.shortLabel}` : '';
  return {
    animation: false,
    aria: { enabled: true, label: { description: `Biểu đồ đường Chỉ số 766 của ${trend.unit.name}: ${trend.points.map((p) => `${p.shortLabel} ${score(p.total)}`).join(', ')}.` } },
    textStyle: { fontFamily: FONT },
    title: chartTitle('Chỉ số 766 qua các tháng', `${trend.unit.name} · ${span}`),
    grid: { top: 70, left: 50, right: 24, bottom: 70 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const point = trend.points[(params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0];
        if (!point) return '';
        return [`<strong>${escapeHtml(point.label)}${point.running ? ' (tạm tính)' : ''}: ${escapeHtml(score(point.total))}</strong>`, ...point.groups.map((g) => `${escapeHtml(g.name)}: ${escapeHtml(formatNumber(g.points))}/${escapeHtml(formatNumber(g.applicableMax))}`)].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: trend.points.map((p) => (p.running ? `${p.shortLabel}*` : p.shortLabel)), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ name: 'Tổng điểm', type: 'line', color: COLORS.blue, symbolSize: 7, connectNulls: false, data: trend.points.map((p) => p.total) }],
  };
}

export function TrendCard({ trend }: { trend: Index766Trend }) {
  const option = useMemo(() => trendOption(trend), [trend]);
  const name = `chi-so-766-xu-huong-${fileSlug(trend.unit.name)}`;
  const groups = trend.points[0]?.groups ?? [];
  return (
    <ChartCard
      title="Xu hướng 12 tháng"
      description="Tổng điểm từng tháng (dấu * là tháng chưa kết thúc, tạm tính đến hôm nay); mỗi tháng chấm theo bộ tiêu chí đang áp dụng."
      fileName={name}
      hasChart
      xlsx={{
        make: () =>
          tableXlsx({
            title: `Chỉ số 766 qua các tháng — ${trend.unit.name}`,
            fileName: name,
            columns: [{ header: 'Tháng', format: 'text' }, { header: 'Tổng điểm', format: 'text' }, ...groups.map((g) => ({ header: g.name, format: 'text' as const }))],
            rows: trend.points.map((p) => [p.label + (p.running ? ' (tạm tính)' : ''), score(p.total), ...p.groups.map((g) => `${formatNumber(g.points)}/${formatNumber(g.applicableMax)}`)]),
          }),
      }}
    >
      {(chartRef) => <EChart option={option} height={340} chartRef={chartRef} />}
    </ChartCard>
  );
}

export function rankingOption(index: Index766): ChartOption {
  const items = [...index.children].reverse();
  return {
    animation: false,
    aria: { enabled: true, label: { description: `Xếp hạng Chỉ số 766 các đơn vị trực thuộc ${index.unit.name}, ${index.period.label}.` } },
    textStyle: { fontFamily: FONT },
    title: chartTitle('Xếp hạng các đơn vị trực thuộc', `${index.unit.name} · ${index.period.label}`),
    grid: { top: 60, left: 160, right: 40, bottom: 30 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: items.map((c) => `${c.rank ?? '—'}. ${c.unit.name}`) },
    series: [{ name: 'Tổng điểm', type: 'bar', color: COLORS.green, data: items.map((c) => c.total) }],
  };
}

export function RankingCard({ index, onPick }: { index: Index766; onPick: (unitId: number) => void }) {
  const option = useMemo(() => rankingOption(index), [index]);
  const name = `chi-so-766-xep-hang-${fileSlug(index.unit.name)}-${index.period.id}`;
  const groups = index.score.groups;
  return (
    <ChartCard
      title="Xếp hạng các đơn vị trực thuộc"
      description="Mỗi đơn vị gồm cả đơn vị bên dưới, tính từ tử số và mẫu số của chính nó (không lấy trung bình); điểm bằng nhau cùng hạng; đơn vị không có gì để chấm xếp cuối."
      fileName={name}
      hasChart
      wide
      xlsx={{
        make: () =>
          tableXlsx({
            title: `Xếp hạng Chỉ số 766 — ${index.unit.name}, ${index.period.label}`,
            fileName: name,
            columns: [
              { header: 'Hạng', format: 'text' },
              { header: 'Mã', format: 'text' },
              { header: 'Đơn vị', format: 'text' },
              { header: 'Tổng điểm', format: 'text' },
              ...groups.map((g) => ({ header: g.name, format: 'text' as const })),
              { header: 'Hồ sơ phải giải quyết', format: 'integer' as const },
            ],
            rows: index.children.map((c) => [
              c.rank === null ? '—' : String(c.rank),
              c.unit.code,
              c.unit.name,
              score(c.total),
              ...c.groups.map((g) => `${formatNumber(g.points)}/${formatNumber(g.applicableMax)}`),
              c.handled,
            ]),
          }),
      }}
    >
      {(chartRef) => (
        <>
          <EChart option={option} height={Math.max(200, 40 + index.children.length * 28)} chartRef={chartRef} />
          <table className="table" aria-label="Xếp hạng các đơn vị trực thuộc">
            <thead>
              <tr>
                <th>Hạng</th>
                <th>Đơn vị</th>
                <th>Tổng điểm</th>
                <th>Hồ sơ phải giải quyết</th>
              </tr>
            </thead>
            <tbody>
              {index.children.map((c) => (
                <tr key={c.unit.id}>
                  <td>{c.rank ?? '—'}</td>
                  <td>
                    <button type="button" className="link-button" onClick={() => onPick(c.unit.id)}>
                      {c.unit.name}
                    </button>
                  </td>
                  <td>{score(c.total)}</td>
                  <td>{formatNumber(c.handled)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </ChartCard>
  );
}
