import { readPeriod } from '../period-input';
import { cumulativeWindow, cutoffWindow, parseCutoffRule, parsePeriodId, periodLabel } from '../../domain/period';
import { computeReportValues, type ReportValue } from '../../domain/reports/report-values';
import { rollUp, type RolledValue } from '../../domain/reports/rollup';
import type { ReportStatus } from '../../domain/reports/workflow';
import type { Template } from '../../domain/templates/template';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { computeDossierStats } from '../dossiers/compute-dossier-stats';
import { invalidInput } from '../errors';
import { reportingUnits, templateById, unitOn } from './reporting-scope';

export type RollupBasis = 'approved' | 'submitted';

export interface RollupUnit {
  unit: Unit;
  reportId: number | null;
  status: ReportStatus | null;
  /** Whether its figures are in the roll-up, and from which version. */
  included: boolean;
  source: 'current' | 'last_approved' | null;
}

export interface Rollup {
  unit: Unit;
  template: Template;
  periodId: string;
  periodLabel: string;
  window: { from: string; to: string };
  basis: RollupBasis;
  units: RollupUnit[];
  values: Map<string, RolledValue>;
  /** The included units' values, for drill-down and per-unit columns. */
  sources: Map<number, ReadonlyMap<string, ReportValue>>;
}

/**
 * A unit's figures for a period from the reports of the units below it: approved reports (or,
 * with basis `submitted`, also those waiting for review). A report reopened for correction still
 * counts with the values it was approved with. Before 01/07/2025 the units in force then report.
 */
export async function computeRollup(
  store: Store,
  user: SessionUser | null,
  input: { unitId: number; templateId: string; periodId: string; basis?: RollupBasis },
): Promise<Rollup> {
  const asked = user ? await assertUnitAccess(store, user, input.unitId, 'read') : await store.units.findById(input.unitId);
  if (!asked) throw invalidInput('Không tìm thấy đơn vị.');
  const template = templateById(input.templateId);
  const period = readPeriod(input.periodId);
  const window = cutoffWindow(period, parseCutoffRule(template.cutoff));
  const unit = (await unitOn(store, asked, window.to)) ?? asked;
  let members = await reportingUnits(store, asked, template, window.to);
  if (user?.role === 'officer') members = members.filter((u) => u.id === user.unit.id);
  const basis = input.basis ?? 'approved';
  const reports = await store.reports.listFor(members.map((u) => u.id), template.id, [period.id]);
  const reportOf = new Map(reports.map((r) => [r.unitId, r]));
  const current = await store.reports.valuesOf(
    reports.filter((r) => r.status === 'approved' || (basis === 'submitted' && r.status === 'submitted')).map((r) => r.id),
  );
  const reopened = await store.reports.lastApprovedSnapshot(reports.filter((r) => r.correction > 0 && !current.has(r.id)).map((r) => r.id));
  const units: RollupUnit[] = [];
  const sources = new Map<number, ReadonlyMap<string, ReportValue>>();
  for (const member of members) {
    const report = reportOf.get(member.id);
    const values = report ? (current.get(report.id) ?? reopened.get(report.id)) : undefined;
    const source = !report || !values ? null : current.has(report.id) ? 'current' : 'last_approved';
    units.push({ unit: member, reportId: report?.id ?? null, status: report?.status ?? null, included: values !== undefined, source });
    if (values) sources.set(member.id, values);
  }
  const values = rollUp(template, [...sources].map(([unitId, v]) => ({ unitId, values: v })), { expected: members.length });
  return { unit, template, periodId: period.id, periodLabel: periodLabel(period), window, basis, units, values, sources };
}

export interface Discrepancy {
  unitId: number;
  rowId: string;
  reported: number | string | null;
  computed: number | null;
}

/**
 * The same indicators computed directly from each included unit's dossiers, beside what the
 * unit reported: every row whose figure comes from dossiers and differs.
 */
export async function rollupDiscrepancies(store: Store, rollup: Rollup): Promise<{ discrepancies: Discrepancy[]; computedTotal: Map<string, number | null> }> {
  const template = rollup.template;
  const period = parsePeriodId(rollup.periodId);
  const rule = parseCutoffRule(template.cutoff);
  const cumulative = cumulativeWindow(period, rule);
  const fromDossiers = async (unitId: number) => {
    const [p, c] = await Promise.all([
      computeDossierStats(store, null, { unitId, from: rollup.window.from, to: rollup.window.to }),
      computeDossierStats(store, null, { unitId, from: cumulative.from, to: cumulative.to }),
    ]);
    return computeReportValues(template, { period: p.stats, cumulative: c.stats }, new Map());
  };
  const dossierRows = new Set(template.rows.filter((r) => dependsOnDossiers(template, r.id, new Set())).map((r) => r.id));
  const discrepancies: Discrepancy[] = [];
  const computedSources: Array<{ unitId: number; values: Map<string, ReportValue> }> = [];
  for (const [unitId, reported] of rollup.sources) {
    const computed = await fromDossiers(unitId);
    computedSources.push({ unitId, values: computed });
    for (const rowId of dossierRows) {
      const a = reported.get(rowId)?.value ?? null;
      const b = (computed.get(rowId)?.value as number | null | undefined) ?? null;
      if (!sameFigure(a, b)) discrepancies.push({ unitId, rowId, reported: a, computed: b });
    }
  }
  const total = rollUp(template, computedSources);
  const computedTotal = new Map([...dossierRows].map((id) => [id, (total.get(id)?.value as number | null | undefined) ?? null]));
  return { discrepancies, computedTotal };
}

function sameFigure(a: number | string | null, b: number | null): boolean {
  if (a === null || a === '') return b === null;
  if (b === null) return false;
  const n = typeof a === 'number' ? a : Number(String(a).replace(/\./g, '').replace(',', '.'));
  return Math.abs(n - b) < 0.005;
}

function dependsOnDossiers(template: Template, rowId: string, path: Set<string>): boolean {
  if (path.has(rowId)) return false;
  const source = template.byId.get(rowId)?.source;
  if (typeof source !== 'object' || source === null) return false;
  if ('metric' in source) return true;
  if (!('formula' in source)) return false;
  const names = source.formula.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? [];
  const inner = new Set([...path, rowId]);
  return names.length > 0 && names.every((name) => template.byId.has(name) && dependsOnDossiers(template, name, inner));
}

/** A unit of the roll-up by its name, for coverage sentences. */
export function unitNamer(rollup: Pick<Rollup, 'units'>): (unitId: number) => string {
  const names = new Map(rollup.units.map((u) => [u.unit.id, u.unit.name]));
  return (unitId) => names.get(unitId) ?? `Đơn vị số ${unitId}`;
}
