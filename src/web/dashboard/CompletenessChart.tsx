import { useMemo, type RefObject } from 'react';
import { formatNumber, formatPercent } from '../format/number';
import { completenessRows, type CompletenessAnswer } from './completeness';
import { EChart } from './EChart';
import { reportingUnits, type ScopeUnit } from './scope';
import { chartTitle, COLORS, escapeHtml, FONT, type ChartInstance, type ChartOption } from './echarts';

const MAX_SUBTITLE = 60;

/** Chart option of report completeness: per period, the expected reports stacked as on time, late and missing. */
export function completenessOption(answer: CompletenessAnswer, unit: ScopeUnit): ChartOption {
  const rows = completenessRows(answer);
  const parts = [
    { name: 'Nộp đúng hạn', color: COLORS.green, value: (r: (typeof rows)[number]) => r.onTime },
    { name: 'Nộp muộn', color: COLORS.orange, value: (r: (typeof rows)[number]) => r.late },
    { name: 'Chưa nộp', color: COLORS.red, value: (r: (typeof rows)[number]) => r.missing },
  ];
  const description = `Biểu đồ cột chồng "Tình hình nộp báo cáo" theo biểu mẫu ${answer.template.title}, ${reportingUnits(unit)}. ${rows
    .map((r) => `${r.label}: phải nộp ${formatNumber(r.expected)}, đúng hạn ${formatNumber(r.onTime)}, muộn ${formatNumber(r.late)}, chưa nộp ${formatNumber(r.missing)}`)
    .join('; ')}.`;
  const template = answer.template.title.length > MAX_SUBTITLE ? `${answer.template.title.slice(0, MAX_SUBTITLE - 1)}…` : answer.template.title;
  return {
    animation: false,
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT },
    title: chartTitle('Tình hình nộp báo cáo', `${template} · ${reportingUnits(unit)}`),
    legend: { bottom: 0, data: parts.map((p) => p.name) },
    grid: { top: 76, left: 50, right: 24, bottom: 56 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = rows[(params as Array<{ dataIndex: number }>)[0]?.dataIndex ?? 0];
        if (!row) return '';
        const pct = (v: number | null) => (v === null ? '—' : formatPercent(v));
        return [
          `<strong>${escapeHtml(row.label)}</strong>`,
          `Phải nộp: ${formatNumber(row.expected)}`,
          `Nộp đúng hạn: ${formatNumber(row.onTime)} · Nộp muộn: ${formatNumber(row.late)} · Chưa nộp: ${formatNumber(row.missing)}`,
          `Tỷ lệ đã nộp: ${pct(row.receivedPct)} · đúng hạn: ${pct(row.onTimePct)}`,
        ].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1, name: 'Số báo cáo', nameTextStyle: { align: 'left' } },
    series: parts.map((part) => ({ name: part.name, type: 'bar', stack: 'reports', color: part.color, barMaxWidth: 56, data: rows.map(part.value) })),
  };
}

export function CompletenessChart({ answer, unit, chartRef }: { answer: CompletenessAnswer; unit: ScopeUnit; chartRef: RefObject<ChartInstance | null> }) {
  const option = useMemo(() => completenessOption(answer, unit), [answer, unit]);
  return <EChart option={option} height={340} chartRef={chartRef} />;
}
