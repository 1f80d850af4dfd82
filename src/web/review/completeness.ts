import type { ApproveOutcome, CompletenessCell, CompletenessMatrix, Timeliness } from '../api/review';
import type { Unit } from '../api/types';

export const cellKey = (unitId: number, periodId: string) => `${unitId}|${periodId}`;

export function indexCells(cells: readonly CompletenessCell[]): Map<string, CompletenessCell> {
  return new Map(cells.map((c) => [cellKey(c.unitId, c.periodId), c]));
}

/** The colour of a cell: by timeliness (on time, late, overdue, not yet due). */
export const TIMELINESS_TONES: Record<Timeliness, string> = {
  on_time: 'tone-on-time',
  late: 'tone-late',
  overdue: 'tone-overdue',
  not_due: 'tone-not-due',
};

/** The legend under the matrix, in the order of the colours. */
export const TIMELINESS_LEGEND: Array<{ timeliness: Timeliness; label: string }> = [
  { timeliness: 'on_time', label: 'Đúng hạn' },
  { timeliness: 'late', label: 'Trễ hạn' },
  { timeliness: 'overdue', label: 'Quá hạn, chưa gửi' },
  { timeliness: 'not_due', label: 'Chưa đến hạn' },
];

/** A submitted report waiting for review can be approved from the matrix. */
export const isApprovable = (cell: CompletenessCell): boolean => cell.state === 'submitted' && cell.reportId !== null;

export function approvableIds(cells: readonly CompletenessCell[]): number[] {
  return cells.filter(isApprovable).map((c) => c.reportId!);
}

export type UnitFilter = 'all' | 'waiting' | 'missing' | 'returned';

export const UNIT_FILTER_LABELS: Record<UnitFilter, string> = {
  all: 'Tất cả đơn vị',
  waiting: 'Có báo cáo chờ duyệt',
  missing: 'Có kỳ chưa gửi',
  returned: 'Có báo cáo bị trả lại',
};

const matches: Record<UnitFilter, (c: CompletenessCell) => boolean> = {
  all: () => true,
  waiting: (c) => c.state === 'submitted',
  missing: (c) => c.state === 'missing' || c.state === 'draft',
  returned: (c) => c.state === 'returned',
};

/** The matrix's units that fit a filter and whose name or code contains the text typed. */
export function filterUnits(matrix: CompletenessMatrix, filter: UnitFilter, text: string): Unit[] {
  const wanted = fold(text.trim());
  const cellsOf = new Map<number, CompletenessCell[]>();
  for (const c of matrix.cells) cellsOf.set(c.unitId, [...(cellsOf.get(c.unitId) ?? []), c]);
  return matrix.units.filter(
    (u) => (wanted === '' || fold(u.name).includes(wanted) || u.code.includes(wanted)) && (filter === 'all' || (cellsOf.get(u.id) ?? []).some(matches[filter])),
  );
}

/** Case- and accent-insensitive: "ba be" finds "Xã Ba Bể". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export interface OutcomeLine extends ApproveOutcome {
  unitName: string;
  periodLabel: string;
}

/** Each bulk-approval outcome with the unit and the period it is about. */
export function outcomeLines(outcomes: readonly ApproveOutcome[], matrix: CompletenessMatrix): OutcomeLine[] {
  const cellOf = new Map(matrix.cells.filter((c) => c.reportId !== null).map((c) => [c.reportId!, c]));
  const unitName = new Map(matrix.units.map((u) => [u.id, u.name]));
  const periodLabel = new Map(matrix.periods.map((p) => [p.periodId, p.label]));
  return outcomes.map((o) => {
    const cell = cellOf.get(o.reportId);
    return {
      ...o,
      unitName: cell ? (unitName.get(cell.unitId) ?? '') : '',
      periodLabel: cell ? (periodLabel.get(cell.periodId) ?? cell.periodId) : '',
    };
  });
}
