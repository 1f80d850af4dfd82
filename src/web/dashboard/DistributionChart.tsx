import { useMemo, type RefObject } from 'react';
import type { Distribution } from '../api/dashboard';
import { formatNumber } from '../format/number';
import { EChart } from './EChart';
import { chartTitle, COLORS, escapeHtml, FONT, type ChartInstance, type ChartOption } from './echarts';

const NAMES_IN_TOOLTIP = 12;

/** Chart option of the distribution: how many child units fall in each band of 10 points, and how many had nothing to count. */
export function distributionOption(distribution: Distribution): ChartOption {
  const buckets = distribution.buckets;
  const title = `Phân bố ${distribution.rate.label.toLowerCase()}`;
  const description = `Biểu đồ cột "${title}" của ${formatNumber(distribution.unitCount)} đơn vị trực thuộc ${distribution.unit.name}, ${distribution.period.label}: ${buckets
    .map((b) => `${b.label}: ${formatNumber(b.count)} đơn vị`)
    .join('; ')}.`;
  return {
    animation: false,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT },
    title: chartTitle(
      title,
      `${formatNumber(distribution.unitCount)} đơn vị trực thuộc ${distribution.unit.name} · ${distribution.period.label}`,
    ),
    grid: { top: 70, left: 50, right: 24, bottom: 48 },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const bucket = buckets[(params as { dataIndex: number }).dataIndex];
        if (!bucket) return '';
        const names = bucket.units.slice(0, NAMES_IN_TOOLTIP).map((u) => escapeHtml(u.name));
        const more = bucket.units.length - names.length;
        const list = names.length > 0 ? `<br/>${names.join(', ')}${more > 0 ? ` và ${formatNumber(more)} đơn vị khác` : ''}` : '';
        return `<strong>${escapeHtml(bucket.label)}</strong>: ${formatNumber(bucket.count)} đơn vị${list}`;
      },
    },
    xAxis: { type: 'category', name: '', data: buckets.map((b) => b.label), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1, name: 'Số đơn vị', nameTextStyle: { align: 'left' } },
    series: [
      {
        name: 'Số đơn vị',
        type: 'bar',
        barCategoryGap: '15%',
        label: { show: true, position: 'top', formatter: (p: unknown) => formatNumber(Number((p as { value: number }).value)) },
        data: buckets.map((b) => ({ value: b.count, itemStyle: { color: b.from === null ? COLORS.grey : COLORS.blue } })),
      },
    ],
  };
}

export function DistributionChart({ distribution, chartRef }: { distribution: Distribution; chartRef: RefObject<ChartInstance | null> }) {
  const option = useMemo(() => distributionOption(distribution), [distribution]);
  return <EChart option={option} height={340} chartRef={chartRef} />;
}
