import { metricValue, type DossierStats } from '../dossiers/metrics';
import type { IsoDate } from '../calendar/plain-date';
import type { UnitLevel } from '../units/unit';
import { procedureValue, type DossiersByProcedure, type UnitProcedure } from '../procedures/unit-procedure';
import { registerValue, type RegisterEntry } from '../registers/registers';
import { valueBoundProblem } from './value-bounds';
import { evaluateFormula, formulaNames, parseFormula, roundTo } from '../templates/formula';
import type { Template, TemplateRow } from '../templates/template';
import { parseViNumber } from '../templates/vi-number';
import { isNotApplicable, normaliseNotApplicable, NOT_APPLICABLE } from './not-applicable';

/** Where a value came from: the statistics or a formula, the official's hand, or a corrected figure. */
export type Provenance = 'computed' | 'entered' | 'overridden';

export interface ReportValue {
  value: number | string | null;
  provenance: Provenance;
  /** What the system computed, kept beside an override so both sides stay visible. */
  computed: number | null;
  /** Required for an override of a computed value. */
  reason: string | null;
  /**
   * For a rate computed from dossiers: its numerator and denominator, so that a higher level
   * recomputes the rate from summed parts instead of averaging percentages.
   */
  parts?: RateParts | null;
}

export interface RateParts {
  numerator: number;
  denominator: number;
}

/** The parts of a metric that is a rate (`rates.on_time_pct`), or null for any other metric. */
export function rateParts(stats: DossierStats, metric: string): RateParts | null {
  const match = /^rates\.([a-z_]+)$/.exec(metric.trim());
  if (!match) return null;
  const rate = (stats.rates as Record<string, { numerator: number; denominator: number } | undefined>)[match[1]!];
  return rate ? { numerator: rate.numerator, denominator: rate.denominator } : null;
}

export interface StatsByWindow {
  period: DossierStats | null;
  cumulative: DossierStats | null;
  /** At a higher level: the values of the child units' reports for the same period, one map per child. */
  children?: Array<Map<string, ReportValue>>;
  /** The unit's procedure list and registers, for `procedures` and `register` rows. */
  lists?: UnitLists;
}

/** What the unit keeps once and every period reads: its procedure list and its registers. */
export interface UnitLists {
  /** The report's window (the period's, under the template's cut-off rule). */
  window: { from: IsoDate; to: IsoDate };
  procedures: readonly UnitProcedure[];
  registers: readonly RegisterEntry[];
  /** Dossiers received in the window per procedure code (for `with_dossiers` rows). */
  dossiersByProcedure: DossiersByProcedure;
  /** The reporting unit's level: a listed procedure without a level is of this one. */
  unitLevel: UnitLevel | null;
}

/** Whether a row takes its figure from the procedure list or a register. */
export const isListRow = (row: TemplateRow) => typeof row.source === 'object' && row.source !== null && ('procedures' in row.source || 'register' in row.source);

export const isComputedRow = (row: TemplateRow) =>
  typeof row.source === 'object' &&
  row.source !== null &&
  ('metric' in row.source || 'formula' in row.source || 'count_units' in row.source || 'procedures' in row.source || 'register' in row.source);

/**
 * Whether a row's figure in this report is the system's: a computed row, except a row read from
 * the procedure list or a register that the unit keeps no data for — that row is typed like a
 * manual one until the list or register is kept.
 */
export function isComputedHere(row: TemplateRow, value: ReportValue | undefined): boolean {
  if (!isComputedRow(row)) return false;
  if (isListRow(row)) return value?.provenance === 'computed' || value?.provenance === 'overridden';
  return true;
}

/** How many child reports answer a row with a given value ("12 of 18 communes: Kết hợp"). */
function countUnits(children: Array<Map<string, ReportValue>>, rowId: string, equals: number | string): number {
  const wanted = parseViNumber(equals) ?? String(equals).trim();
  return children.filter((values) => {
    const value = values.get(rowId)?.value;
    if (value === null || value === undefined) return false;
    return (parseViNumber(value) ?? String(value).trim()) === wanted;
  }).length;
}

/** Formula rows ordered so that every formula comes after the rows it reads. */
function formulaOrder(template: Template): TemplateRow[] {
  const formulas = template.rows.filter((r) => typeof r.source === 'object' && r.source !== null && 'formula' in r.source);
  const ordered: TemplateRow[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (row: TemplateRow) => {
    if (state.get(row.id) === 'done') return;
    if (state.get(row.id) === 'visiting') throw new Error(`Công thức vòng tròn ở dòng "${row.id}".`);
    state.set(row.id, 'visiting');
    const source = row.source as { formula: string };
    for (const name of formulaNames(parseFormula(source.formula))) {
      const dependency = template.byId.get(name);
      if (dependency && formulas.includes(dependency)) visit(dependency);
    }
    state.set(row.id, 'done');
    ordered.push(row);
  };
  formulas.forEach(visit);
  return ordered;
}

/**
 * Fills a report from data: metric rows from the statistics of the period's window (or the
 * cumulative window for lũy kế rows; `stats` null keeps them as they are), then formula rows from
 * the values around them. Entered
 * values and overrides are kept; an override's computed side is refreshed so the gap shows.
 */
export function computeReportValues(template: Template, stats: StatsByWindow | null, current: Map<string, ReportValue>): Map<string, ReportValue> {
  const next = new Map<string, ReportValue>();
  for (const row of template.rows) {
    const existing = current.get(row.id);
    if (row.kind === 'heading') continue;
    const source = row.source;
    if (typeof source === 'object' && source !== null && 'metric' in source) {
      if (stats === null) {
        // Only the formulas are refreshed: metric values stay as last computed.
        if (existing) next.set(row.id, existing);
        continue;
      }
      const windowStats = source.window === 'cumulative' ? stats.cumulative : stats.period;
      const computed = windowStats ? evaluateFormula(parseFormula(source.metric), (name) => metricValue(windowStats, name)) : null;
      const rounded = computed === null ? null : roundTo(computed, 2);
      const parts = windowStats ? rateParts(windowStats, source.metric) : null;
      const withParts = parts ? { parts } : {};
      next.set(
        row.id,
        existing?.provenance === 'overridden'
          ? { ...existing, computed: rounded, ...withParts }
          : { value: rounded, provenance: 'computed', computed: rounded, reason: null, ...withParts },
      );
    } else if (typeof source === 'object' && source !== null && 'count_units' in source) {
      if (stats === null || stats.children === undefined) {
        if (existing) next.set(row.id, existing);
        continue;
      }
      const computed = countUnits(stats.children, source.count_units.row, source.count_units.equals);
      next.set(row.id, existing?.provenance === 'overridden' ? { ...existing, computed } : { value: computed, provenance: 'computed', computed, reason: null });
    } else if (typeof source === 'object' && source !== null && ('procedures' in source || 'register' in source)) {
      if (stats === null || stats.lists === undefined) {
        if (existing) next.set(row.id, existing);
        continue;
      }
      const lists = stats.lists;
      const computed = 'procedures' in source ? procedureValue(source, lists.procedures, lists.window, lists.dossiersByProcedure, lists.unitLevel) : registerValue(source, lists.registers, lists.window);
      if (computed === null) {
        // No data kept for it: what the official typed stays, as typed.
        if (existing && existing.provenance !== 'computed') next.set(row.id, { ...existing, provenance: 'entered', computed: null });
        continue;
      }
      next.set(row.id, existing?.provenance === 'overridden' ? { ...existing, computed } : { value: computed, provenance: 'computed', computed, reason: null });
    } else if (existing && !isComputedHere(row, existing)) {
      next.set(row.id, existing);
    }
  }
  const numberOf = (id: string) => {
    const value = next.get(id)?.value;
    return value === null || value === undefined ? null : parseViNumber(value);
  };
  for (const row of formulaOrder(template)) {
    const source = row.source as { formula: string; decimals?: number };
    const formula = parseFormula(source.formula);
    const raw = evaluateFormula(formula, numberOf);
    const computed = raw === null ? null : roundTo(raw, source.decimals ?? 2);
    // A rate whose missing parts are all "không phát sinh" does not apply either.
    const missing = [...formulaNames(formula)].filter((name) => numberOf(name) === null);
    const value = computed === null && missing.length > 0 && missing.every((name) => isNotApplicable(next.get(name)?.value)) ? NOT_APPLICABLE : computed;
    const existing = current.get(row.id);
    next.set(row.id, existing?.provenance === 'overridden' ? { ...existing, computed } : { value, provenance: 'computed', computed, reason: null });
  }
  return next;
}

export interface ValueChange {
  rowId: string;
  value: number | string | null;
  reason?: string | null;
}

/**
 * Applies an official's edits. Every written form of "không phát sinh" is stored as "-". A manual row becomes `entered`; changing a computed row is an
 * override and needs a reason; clearing an override (value null) returns the row to its computed value.
 */
export function applyValueChanges(
  template: Template,
  current: Map<string, ReportValue>,
  changes: ValueChange[],
): { values: Map<string, ReportValue>; problems: string[] } {
  const values = new Map(current);
  const problems: string[] = [];
  for (const { value: written, ...rest } of changes) {
    const change = { ...rest, value: typeof written === 'string' ? (written.trim() === '' ? null : normaliseNotApplicable(written.trim())) : written };
    const row = template.byId.get(change.rowId);
    if (!row) {
      problems.push(`Biểu mẫu không có dòng "${change.rowId}".`);
      continue;
    }
    if (row.kind === 'heading') {
      problems.push(`Dòng tiêu đề "${row.code ?? row.label}" không nhận số liệu.`);
      continue;
    }
    const outOfBounds = valueBoundProblem(row, change.value);
    if (outOfBounds) {
      problems.push(outOfBounds);
      continue;
    }
    const existing = values.get(row.id);
    if (isComputedHere(row, existing)) {
      if (change.value === null) {
        values.set(row.id, { value: existing?.computed ?? null, provenance: 'computed', computed: existing?.computed ?? null, reason: null });
        continue;
      }
      if (!change.reason?.trim()) {
        problems.push(`Dòng ${row.code ?? row.label} được tính tự động; sửa số liệu cần ghi lý do.`);
        continue;
      }
      values.set(row.id, { value: change.value, provenance: 'overridden', computed: existing?.computed ?? null, reason: change.reason.trim() });
    } else {
      values.set(row.id, { value: change.value, provenance: 'entered', computed: null, reason: change.reason?.trim() || null });
    }
  }
  return { values, problems };
}
