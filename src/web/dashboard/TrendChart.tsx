import { useMemo, type RefObject } from 'react';
import type { Trend } from '../api/dashboard';
import { formatPercent, formatRate } from '../format/number';
import { EChart } from './EChart';
import { dossierScope } from './scope';
import { chartTitle, COLORS, escapeHtml, FONT, type ChartInstance, type ChartOption } from './echarts';

const SERIES_COLORS = [COLORS.green, COLORS.blue, COLORS.purple, COLORS.orange];

/** Chart option of the trend: one line per key rate, one point per period (a gap where nothing was counted). */
export function trendOption(trend: Trend): ChartOption {
  const first = trend.points[0];
  const last = trend.points.at(-1);
  const span = first && last ? `${first.label} – ${last.label}` : '';
  // More than six periods: every label is written, slanted, rather than every other one hidden.
  const rotate = trend.points.length > 6;
  const description = [
    `Biểu đồ đường "Xu hướng các tỷ lệ chính" của ${dossierScope(trend.unit)}, ${span}.`,
    ...trend.rates.map((rate) => {
      const values = trend.points.map((p) => {
        const value = p.rates[rate.key as keyof typeof p.rates].value;
        return `${p.shortLabel} ${value === null ? 'không có số liệu' : formatPercent(value)}`;
      });
      return `${rate.label}: ${values.join(', ')}.`;
    }),
  ].join(' ');
  return {
    animation: false,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT },
    title: chartTitle('Xu hướng các tỷ lệ chính', `${dossierScope(trend.unit)} · ${span}`),
    legend: { bottom: 0, data: trend.rates.map((r) => r.label) },
    grid: { top: 70, left: 50, right: 24, bottom: rotate ? 86 : 64 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const items = params as Array<{ dataIndex: number; seriesIndex: number; marker: string }>;
        const point = trend.points[items[0]?.dataIndex ?? 0];
        if (!point) return '';
        const lines = items.map((item) => {
          const rate = trend.rates[item.seriesIndex];
          return rate ? `${item.marker}${escapeHtml(rate.label)}: ${formatRate(point.rates[rate.key as keyof typeof point.rates])}` : '';
        });
        return [`<strong>${escapeHtml(point.label)}${point.running ? ' (chưa hết kỳ)' : ''}</strong>`, ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: trend.points.map((p) => (p.running ? `${p.shortLabel}*` : p.shortLabel)), axisLabel: { interval: 0, rotate: rotate ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: trend.rates.map((rate, i) => ({
      name: rate.label,
      type: 'line',
      color: SERIES_COLORS[i % SERIES_COLORS.length],
      symbolSize: 7,
      connectNulls: false,
      data: trend.points.map((p) => p.rates[rate.key as keyof typeof p.rates].value),
    })),
  };
}

export function TrendChart({ trend, chartRef }: { trend: Trend; chartRef: RefObject<ChartInstance | null> }) {
  const option = useMemo(() => trendOption(trend), [trend]);
  return <EChart option={option} height={360} chartRef={chartRef} />;
}
