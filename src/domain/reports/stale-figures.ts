import type { Template } from '../templates/template';
import { rowTitle } from '../templates/validate';
import { formatViNumber, parseViNumber } from '../templates/vi-number';
import type { ReportValue } from './report-values';

/**
 * Stale data (#11 item 5): the dossier figures of a report beside what the dossiers give now. A
 * figure the unit corrected by hand is compared by what the system had computed for it, so a
 * correction is not reported as a change; the comparison covers every row computed from the
 * dossiers or from a formula over them.
 */

export interface StaleFigure {
  rowId: string;
  before: number | string | null;
  after: number | string | null;
}

const isDossierOrFormula = (template: Template, rowId: string) => {
  const source = template.byId.get(rowId)?.source;
  return typeof source === 'object' && source !== null && ('metric' in source || 'formula' in source);
};

/** What the system computed for a row (an override keeps it in `computed`). */
const computedFigure = (v: ReportValue | undefined): number | string | null => (!v ? null : v.provenance === 'computed' ? v.value : v.provenance === 'overridden' ? v.computed : null);

const same = (a: number | string | null, b: number | string | null) => {
  if (a === null || b === null) return a === b;
  const x = parseViNumber(a);
  const y = parseViNumber(b);
  return x !== null && y !== null ? Math.abs(x - y) < 0.005 : String(a) === String(b);
};

/** The rows whose computed figure moved, in the template's order. */
export function staleFigures(template: Template, stored: ReadonlyMap<string, ReportValue>, fresh: ReadonlyMap<string, ReportValue>): StaleFigure[] {
  const out: StaleFigure[] = [];
  for (const row of template.rows) {
    if (!isDossierOrFormula(template, row.id)) continue;
    const storedValue = stored.get(row.id);
    // A formula over manual rows only is not a dossier figure: it moves with the unit's own entries.
    if (storedValue?.provenance === 'entered') continue;
    const before = computedFigure(storedValue);
    const after = computedFigure(fresh.get(row.id));
    if (!same(before, after)) out.push({ rowId: row.id, before, after });
  }
  return out;
}

const figureText = (template: Template, rowId: string, value: number | string | null): string => {
  if (value === null) return 'trống';
  const n = parseViNumber(value);
  if (n === null) return String(value);
  return template.byId.get(rowId)?.kind === 'percent' ? `${formatViNumber(n)}%` : formatViNumber(n);
};

/** "3.2.4. Tổng số hồ sơ TTHC đã tiếp nhận: 15 → 18". */
export function staleFigureText(template: Template, figure: StaleFigure): string {
  const row = template.byId.get(figure.rowId);
  return `${row ? rowTitle(row) : figure.rowId}: ${figureText(template, figure.rowId, figure.before)} → ${figureText(template, figure.rowId, figure.after)}`;
}
