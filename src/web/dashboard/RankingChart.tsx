import { useMemo, type RefObject } from 'react';
import type { Ranking } from '../api/dashboard';
import { formatNumber, formatPercent, formatRate } from '../format/number';
import { EChart } from './EChart';
import { chartTitle, COLORS, escapeHtml, FONT, type ChartInstance, type ChartOption } from './echarts';

const ROW_HEIGHT = 24;

export const rankingHeight = (ranking: Ranking) => Math.max(240, 110 + ROW_HEIGHT * ranking.items.length);

/** Chart option of the ranking: one horizontal bar per child unit, the best on top, those without dossiers last. */
export function rankingOption(ranking: Ranking): ChartOption {
  const items = ranking.items;
  const ranked = items.filter((i) => i.rank !== null);
  const words = (list: typeof items) => list.map((i) => `${i.rank}. ${i.unit.name} ${formatRate(i.rate)}`).join('; ');
  const title = `Xếp hạng theo ${ranking.rate.label.toLowerCase()}`;
  const description = [
    `Biểu đồ thanh "${title}" của ${formatNumber(items.length)} đơn vị trực thuộc ${ranking.unit.name}, ${ranking.period.label}.`,
    ranked.length > 10 ? `Cao nhất: ${words(ranked.slice(0, 5))}. Thấp nhất: ${words(ranked.slice(-5))}.` : ranked.length > 0 ? `${words(ranked)}.` : '',
    items.length > ranked.length ? `${formatNumber(items.length - ranked.length)} đơn vị không có hồ sơ để tính.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    animation: false,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT },
    title: chartTitle(title, `Các đơn vị trực thuộc ${ranking.unit.name} · ${ranking.period.label}`),
    grid: { top: 70, left: 8, right: 110, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const item = items[(params as { dataIndex: number }).dataIndex];
        if (!item) return '';
        const rank = item.rank === null ? 'không xếp hạng' : `hạng ${formatNumber(item.rank)}`;
        return `<strong>${escapeHtml(item.unit.name)}</strong> (${rank})<br/>${escapeHtml(ranking.rate.label)}: ${formatRate(item.rate)}<br/>${escapeHtml(ranking.rate.numerator)}: ${formatNumber(item.rate.numerator)}<br/>${escapeHtml(ranking.rate.denominator)}: ${formatNumber(item.rate.denominator)}`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, position: 'top', axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((i) => (i.rank === null ? i.unit.name : `${i.rank}. ${i.unit.name}`)),
      axisLabel: { interval: 0 },
    },
    series: [
      {
        name: ranking.rate.label,
        type: 'bar',
        barMaxWidth: 18,
        color: COLORS.blue,
        data: items.map((i) => ({
          value: i.rate.value ?? 0,
          label: {
            show: true,
            position: 'right',
            formatter: i.rate.value === null ? 'không có hồ sơ' : `${formatPercent(i.rate.value)} (${formatNumber(i.rate.numerator)}/${formatNumber(i.rate.denominator)})`,
          },
        })),
      },
    ],
  };
}

export function RankingChart({ ranking, chartRef }: { ranking: Ranking; chartRef: RefObject<ChartInstance | null> }) {
  const option = useMemo(() => rankingOption(ranking), [ranking]);
  return <EChart option={option} height={rankingHeight(ranking)} chartRef={chartRef} />;
}
