import type { ReportStatus } from './workflow';

/**
 * Where a unit stands on one obligation (a template and a period): what the reviewer's
 * completeness matrix shows in each cell.
 *
 *  - `state`: the report's status, or `missing` when the unit has not created one;
 *  - `timeliness`: `on_time` / `late` by the first submission against the deadline, `overdue` when
 *    nothing was submitted and the deadline has passed, `not_due` when it has not.
 */
export type CellState = ReportStatus | 'missing';
export type Timeliness = 'on_time' | 'late' | 'overdue' | 'not_due';

export const CELL_STATE_LABELS: Record<CellState, string> = {
  missing: 'Chưa lập',
  draft: 'Đang soạn',
  submitted: 'Chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
};

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  overdue: 'Quá hạn, chưa gửi',
  not_due: 'Chưa đến hạn',
};

/** One cell of the completeness matrix: a unit's report for a period against its deadline. */
export interface CompletenessCell {
  unitId: number;
  periodId: string;
  state: CellState;
  stateLabel: string;
  timeliness: Timeliness;
  timelinessLabel: string;
  reportId: number | null;
  /** First submission (UTC instant). */
  submittedAt: string | null;
  deadline: string;
}

/** A line of someone's inbox ("Việc cần làm"). */
export interface InboxItem {
  /**
   * due: a report the unit owes; returned: sent back with a reason; review: waiting for the
   * reviewer; stale: an approved report whose dossier figures have changed since (to reopen).
   */
  kind: 'due' | 'returned' | 'review' | 'stale';
  unit: { id: number; code: string; name: string };
  templateId: string;
  templateTitle: string;
  periodId: string;
  periodLabel: string;
  deadline: string | null;
  timeliness: Timeliness | null;
  reportId: number | null;
  status: ReportStatus | null;
  /** The reviewer's reason, for a returned report. */
  comment: string | null;
  submittedAt: string | null;
  /** Dossier figures that changed since the report was computed: "Tiếp nhận trong kỳ: 15 → 18". */
  staleFigures?: string[];
}

export interface CellInput {
  status: ReportStatus | null;
  /** Date (UTC+7) of the first submission of the report, if any. */
  firstSubmittedOn: string | null;
  deadline: string;
  today: string;
}

export function timelinessOf(cell: CellInput): Timeliness {
  if (cell.firstSubmittedOn !== null) return cell.firstSubmittedOn <= cell.deadline ? 'on_time' : 'late';
  return cell.today > cell.deadline ? 'overdue' : 'not_due';
}

/** A report counts as received once submitted, even if it was later returned for a fix. */
export const isReceived = (cell: { firstSubmittedOn: string | null }) => cell.firstSubmittedOn !== null;

export interface CompletenessTotals {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  /** Expected and not received, deadline passed. */
  overdue: number;
  returned: number;
  approved: number;
  /** Rates in percent to one decimal; null when nothing is expected. */
  receivedPct: number | null;
  onTimePct: number | null;
}

export function completenessTotals(cells: ReadonlyArray<{ state: CellState; timeliness: Timeliness }>): CompletenessTotals {
  const count = (test: (c: { state: CellState; timeliness: Timeliness }) => boolean) => cells.filter(test).length;
  const expected = cells.length;
  const onTime = count((c) => c.timeliness === 'on_time');
  const late = count((c) => c.timeliness === 'late');
  const received = onTime + late;
  const pct = (n: number) => (expected === 0 ? null : Math.round((n / expected) * 1000) / 10);
  return {
    expected,
    received,
    onTime,
    late,
    overdue: count((c) => c.timeliness === 'overdue'),
    returned: count((c) => c.state === 'returned'),
    approved: count((c) => c.state === 'approved'),
    receivedPct: pct(received),
    onTimePct: pct(onTime),
  };
}
