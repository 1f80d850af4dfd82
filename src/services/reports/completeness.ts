import { readPeriod } from '../period-input';
import { todayInVietnam } from '../../domain/calendar/date-time';
import { duePeriod } from '../../domain/reports/obligations';
import { CELL_STATE_LABELS, completenessTotals, timelinessOf, TIMELINESS_LABELS, type CellState, type CompletenessCell } from '../../domain/reports/timeliness';
import { parseCutoffRule, periodLabel } from '../../domain/period';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { unitCalendar } from '../calendar/unit-calendar';
import { invalidInput } from '../errors';
import { dayInVietnam, obligationFor, reportingUnits, templateById } from './reporting-scope';

export interface Completeness {
  template: { id: string; title: string };
  obligation: { setBy: Unit | null; deadlineDays: number; periodKinds: string[] };
  periods: Array<{ periodId: string; label: string; from: string; to: string; deadline: string }>;
  units: Unit[];
  cells: CompletenessCell[];
  totals: ReturnType<typeof completenessTotals>;
  byPeriod: Array<{ periodId: string; label: string } & ReturnType<typeof completenessTotals>>;
}

/**
 * The reviewer's matrix: for every unit that must report on the template inside `unitId`'s area
 * and every asked period, whether its report came, on time or late, or is missing or returned.
 * A period before 01/07/2025 counts the units in force then.
 */
export async function completeness(
  store: Store,
  user: SessionUser,
  input: { unitId: number; templateId: string; periodIds: string[]; today?: string },
): Promise<Completeness> {
  const scope = await assertUnitAccess(store, user, input.unitId, 'read');
  const template = templateById(input.templateId);
  if (input.periodIds.length === 0) throw invalidInput('Cần chọn ít nhất một kỳ báo cáo.');
  if (input.periodIds.length > 36) throw invalidInput('Chọn tối đa 36 kỳ báo cáo một lần.');
  const rule = parseCutoffRule(template.cutoff);
  const obligation = await obligationFor(store, scope, template);
  const calendar = await unitCalendar(store, scope);
  const today = input.today ?? todayInVietnam();
  const periods: Completeness['periods'] = [];
  const expected = new Map<string, Unit[]>();
  const units = new Map<number, Unit>();
  for (const id of [...new Set(input.periodIds)]) {
    const period = readPeriod(id);
    const due = duePeriod(period, rule, obligation.deadlineDays, calendar);
    periods.push({ periodId: period.id, label: periodLabel(period), from: due.from, to: due.to, deadline: due.deadline });
    let reporting = await reportingUnits(store, scope, template, due.to);
    if (user.role === 'officer') reporting = reporting.filter((u) => u.id === user.unit.id);
    expected.set(period.id, reporting);
    for (const u of reporting) units.set(u.id, u);
  }
  periods.sort((a, b) => a.to.localeCompare(b.to));
  const reports = await store.reports.listFor([...units.keys()], template.id, periods.map((p) => p.periodId));
  const byKey = new Map(reports.map((r) => [`${r.unitId}|${r.periodId}`, r]));
  const cells: CompletenessCell[] = [];
  for (const p of periods) {
    for (const unit of expected.get(p.periodId)!) {
      const report = byKey.get(`${unit.id}|${p.periodId}`);
      const state: CellState = report?.status ?? 'missing';
      const timeliness = timelinessOf({ status: report?.status ?? null, firstSubmittedOn: dayInVietnam(report?.firstSubmittedAt ?? null), deadline: p.deadline, today });
      cells.push({
        unitId: unit.id,
        periodId: p.periodId,
        state,
        stateLabel: CELL_STATE_LABELS[state],
        timeliness,
        timelinessLabel: TIMELINESS_LABELS[timeliness],
        reportId: report?.id ?? null,
        submittedAt: report?.firstSubmittedAt ?? null,
        deadline: p.deadline,
      });
    }
  }
  return {
    template: { id: template.id, title: template.title },
    obligation: { setBy: obligation.setBy, deadlineDays: obligation.deadlineDays, periodKinds: obligation.periodKinds },
    periods,
    units: [...units.values()].sort((a, b) => a.code.localeCompare(b.code)),
    cells,
    totals: completenessTotals(cells),
    byPeriod: periods.map((p) => ({ periodId: p.periodId, label: p.label, ...completenessTotals(cells.filter((c) => c.periodId === p.periodId)) })),
  };
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * The units still owing a report, for reminders: overdue first, then those due soon. With a
 * window, a report not yet due is listed only when its deadline falls within `withinDays` days of
 * `today` (0: today); a report due later waits for another reminder.
 */
export function reminderList(matrix: Completeness, window?: { today: string; withinDays: number }) {
  const unitById = new Map(matrix.units.map((u) => [u.id, u]));
  const periodById = new Map(matrix.periods.map((p) => [p.periodId, p]));
  const soon = (deadline: string) => !window || dayNumber(deadline) - dayNumber(window.today) <= window.withinDays;
  return matrix.cells
    .filter((c) => c.timeliness === 'overdue' || c.timeliness === 'not_due' || c.state === 'returned')
    .filter((c) => c.state !== 'submitted' && c.state !== 'approved')
    .filter((c) => c.timeliness === 'overdue' || soon(c.deadline))
    .map((c) => ({ unit: unitById.get(c.unitId)!, period: periodById.get(c.periodId)!, cell: c }))
    .sort((a, b) => Number(b.cell.timeliness === 'overdue') - Number(a.cell.timeliness === 'overdue') || a.cell.deadline.localeCompare(b.cell.deadline) || a.unit.code.localeCompare(b.unit.code));
}
