import type { CompletenessAnswer, TableXlsx } from '../api/dashboard';
import { reportingUnits, type ScopeUnit } from './scope';

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

export type { CompletenessAnswer };

export interface CompletenessRow {
  periodId: string;
  label: string;
  deadline: string | null;
  expected: number;
  onTime: number;
  /** Received after the deadline: received − on time. */
  late: number;
  /** Not received: expected − received. */
  missing: number;
  receivedPct: number | null;
  onTimePct: number | null;
}

/** One row per period, in the order of the answer's periods: the three stacked parts add up to the expected reports. */
export function completenessRows(answer: CompletenessAnswer): CompletenessRow[] {
  const byId = new Map(answer.byPeriod.map((p) => [p.periodId, p]));
  const periods = answer.periods.length > 0 ? answer.periods : answer.byPeriod.map((p) => ({ periodId: p.periodId, label: p.label, deadline: null }));
  return periods.map((period) => {
    const p = byId.get(period.periodId);
    const expected = p?.expected ?? 0;
    const received = p?.received ?? 0;
    const onTime = Math.min(p?.onTime ?? 0, received);
    return {
      periodId: period.periodId,
      label: p?.label ?? period.label,
      deadline: period.deadline,
      expected,
      onTime,
      late: received - onTime,
      missing: Math.max(0, expected - received),
      receivedPct: p?.receivedPct ?? null,
      onTimePct: p?.onTimePct ?? null,
    };
  });
}

/** The chart's numbers as a table for POST /api/dashboard/table.xlsx. */
export function completenessTable(answer: CompletenessAnswer, unit: ScopeUnit, fileName: string): TableXlsx {
  return {
    title: `Tình hình nộp báo cáo — ${answer.template.title}`,
    subtitle: [upperFirst(reportingUnits(unit))],
    sheetName: 'Nộp báo cáo',
    fileName,
    columns: [
      { header: 'Kỳ báo cáo', format: 'text' },
      { header: 'Hạn nộp', format: 'date' },
      { header: 'Phải nộp', format: 'integer' },
      { header: 'Nộp đúng hạn', format: 'integer' },
      { header: 'Nộp muộn', format: 'integer' },
      { header: 'Chưa nộp', format: 'integer' },
      { header: 'Tỷ lệ đã nộp', format: 'percent' },
      { header: 'Tỷ lệ nộp đúng hạn', format: 'percent' },
    ],
    rows: completenessRows(answer).map((r) => [r.label, r.deadline, r.expected, r.onTime, r.late, r.missing, r.receivedPct, r.onTimePct]),
  };
}
