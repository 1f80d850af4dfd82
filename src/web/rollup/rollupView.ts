import { coverageText, type RollupMethod } from '../../domain/reports/rollup';
import type { Template, TemplateRow } from '../../domain/templates/template';
import { parseViNumber } from '../../domain/templates/vi-number';
import type { Contribution, Discrepancies, RolledValue, Rollup } from '../api/review';
import type { Unit } from '../api/types';
import { formatNumber } from '../format/number';
import { displayText } from '../reports/values';
import { percentText, rateText } from '../review/format';

export const METHOD_LABELS: Record<RollupMethod, string> = {
  sum: 'Cộng số liệu các đơn vị',
  recompute: 'Tính lại từ tử số, mẫu số đã cộng',
  count_by_option: 'Đếm số đơn vị theo phương án',
  count_units: 'Đếm số đơn vị',
  none: 'Không tổng hợp',
};

const numberOf = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined || value === '' ? null : parseViNumber(value);

/** A numeric figure of a row: a percentage with "%", others in vi-VN notation. */
function figureText(row: TemplateRow, value: number): string {
  return row.kind === 'percent' ? percentText(value) : formatNumber(value);
}

/**
 * The rolled-up figure as shown: "1.224", "51,9% (109/210)" for a rate recomputed from its
 * summed parts, the sentence of a counted option ("Kết hợp: 12/18"), "—" when there is none.
 */
export function rolledText(row: TemplateRow, rolled: RolledValue | undefined): string {
  if (!rolled) return '—';
  const { value, numerator, denominator } = rolled;
  if (row.kind === 'percent' || rolled.method === 'recompute') {
    const n = numberOf(value);
    if (n === null && (numerator === null || denominator === null)) return typeof value === 'string' && value !== '' ? value : '—';
    return rateText(n, numerator, denominator);
  }
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  return formatNumber(value);
}

/** A unit's numerator and denominator for a rate, as the server's roll-up gives them (both kinds of rate). */
export function unitParts(contribution: Contribution): { numerator: number; denominator: number } | null {
  return contribution.parts;
}

/** The row's coverage as printed: "12/15 đơn vị; không phát sinh: 1 đơn vị; không tính: Xã A (thiếu …)". */
export function rowCoverageText(rolled: RolledValue, rollup: Rollup): string {
  const names = new Map(rollup.units.map((u) => [u.unit.id, u.unit.name]));
  return coverageText(rolled.coverage, (id) => names.get(id) ?? `Đơn vị số ${id}`);
}

export interface ContributionLine {
  unit: Unit;
  reportId: number | null;
  /** As shown: "3", "71,43%", "Kết hợp (2)", "Được đếm". */
  value: string;
  /** "5/7" for a rate, else empty. */
  parts: string;
  /** Empty when the figure is in the roll-up; else "Không phát sinh" or "Không tính: thiếu …". */
  status: string;
}

/** Each included unit's share of a rolled-up figure, in the order of the unit list. */
export function contributionLines(template: Template, row: TemplateRow, rolled: RolledValue, rollup: Rollup): ContributionLine[] {
  const units = new Map(rollup.units.map((u) => [u.unit.id, u]));
  return rolled.contributions
    .filter((c) => units.has(c.unitId))
    .map((c) => {
      const member = units.get(c.unitId)!;
      const parts = unitParts(c);
      return {
        unit: member.unit,
        reportId: member.reportId,
        value: contributionText(row, rolled.method, c),
        parts: parts ? `${formatNumber(parts.numerator)}/${formatNumber(parts.denominator)}` : '',
        status: c.status === 'not_applicable' ? 'Không phát sinh' : c.status === 'left_out' && c.leftOut ? `Không tính: ${c.leftOut}` : '',
      };
    })
    .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
}

function contributionText(row: TemplateRow, method: RollupMethod, c: Contribution): string {
  if (method === 'count_units') return c.value === 1 ? 'Được đếm' : 'Không';
  const n = numberOf(c.value);
  if (row.kind === 'percent') return n === null ? displayText(row, c.value) : percentText(n);
  return displayText(row, c.value);
}

export interface DiscrepancyLine {
  unitId: number;
  unitName: string;
  reportId: number | null;
  rowId: string;
  rowName: string;
  reported: string;
  computed: string;
  /** Reported minus computed ("+3", "−2"), when both are numbers. */
  difference: string;
}

export interface TotalLine {
  rowId: string;
  rowName: string;
  rolledUp: string;
  computed: string;
  difference: string;
  differs: boolean;
}

const rowName = (row: TemplateRow | undefined, rowId: string) => (row ? `${row.code ? `${row.code} ` : ''}${row.label}` : rowId);

function differenceText(row: TemplateRow | undefined, a: number | string | null, b: number | null): string {
  const x = numberOf(a);
  if (x === null || b === null) return '';
  const d = Math.round((x - b) * 100) / 100;
  if (d === 0) return '0';
  const text = row?.kind === 'percent' ? percentText(Math.abs(d)) : formatNumber(Math.abs(d));
  return `${d > 0 ? '+' : '−'}${text}`;
}

const shown = (row: TemplateRow | undefined, value: number | string | null): string => {
  const n = numberOf(value);
  if (n === null) return value === null || value === '' ? '—' : String(value);
  return row ? figureText(row, n) : formatNumber(n);
};

/** The check against the dossiers, in the template's row order, then by unit code. */
export function discrepancyLines(template: Template, rollup: Rollup, answer: Discrepancies): { units: DiscrepancyLine[]; totals: TotalLine[] } {
  const order = new Map(template.rows.map((r, i) => [r.id, i]));
  const members = new Map(rollup.units.map((u) => [u.unit.id, u]));
  const units = answer.discrepancies
    .map((d) => {
      const row = template.byId.get(d.rowId);
      const member = members.get(d.unitId);
      return {
        unitId: d.unitId,
        unitName: member?.unit.name ?? `Đơn vị số ${d.unitId}`,
        unitCode: member?.unit.code ?? '',
        reportId: member?.reportId ?? null,
        rowId: d.rowId,
        rowName: rowName(row, d.rowId),
        reported: shown(row, d.reported),
        computed: shown(row, d.computed),
        difference: differenceText(row, d.reported, d.computed),
      };
    })
    .sort((a, b) => (order.get(a.rowId) ?? 0) - (order.get(b.rowId) ?? 0) || a.unitCode.localeCompare(b.unitCode))
    .map(({ unitCode: _code, ...line }) => line);
  const totals = answer.computedTotal
    .map((t) => {
      const row = template.byId.get(t.rowId);
      const rolled = numberOf(t.rolledUp);
      const differs = rolled === null ? t.computed !== null : t.computed === null || Math.abs(rolled - t.computed) >= 0.005;
      return {
        rowId: t.rowId,
        rowName: rowName(row, t.rowId),
        rolledUp: shown(row, t.rolledUp),
        computed: shown(row, t.computed),
        difference: differenceText(row, t.rolledUp, t.computed),
        differs,
      };
    })
    .sort((a, b) => (order.get(a.rowId) ?? 0) - (order.get(b.rowId) ?? 0));
  return { units, totals };
}

/** How many units are in the roll-up, of those that should report: "2/92". */
export function includedCount(rollup: Rollup): { included: number; total: number } {
  return { included: rollup.units.filter((u) => u.included).length, total: rollup.units.length };
}
