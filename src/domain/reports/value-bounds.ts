import type { RowKind, TemplateRow } from '../templates/template';
import { formatViNumber, parseViNumber } from '../templates/vi-number';

/**
 * The largest magnitude a figure of each kind of row may have. A draft may hold a value the checks
 * will name (a negative or fractional count, a rate over 100 %), but never one no indicator can
 * have: 1e308 dossiers would be saved, submitted, approved — and then break every sum above it.
 */
export const VALUE_BOUNDS: Partial<Record<RowKind, number>> = {
  count: 1_000_000_000,
  percent: 1_000,
  money: 1_000_000_000_000_000,
  number: 1_000_000_000_000,
  enum: 1_000_000,
  yes_no: 1_000_000,
};

/** Why a value cannot be saved in this row, in Vietnamese, or null. */
export function valueBoundProblem(row: Pick<TemplateRow, 'kind' | 'code' | 'label'>, value: number | string | null): string | null {
  const bound = VALUE_BOUNDS[row.kind];
  if (bound === undefined || value === null) return null;
  const number = typeof value === 'number' ? value : parseViNumber(value);
  if (number === null || Math.abs(number) <= bound) return null;
  const shown = Number.isFinite(number) && Math.abs(number) < 1e21 ? formatViNumber(number) : String(value).slice(0, 30);
  return `Dòng ${row.code ?? row.label}: giá trị ${shown} vượt quá giới hạn (tối đa ${formatViNumber(bound)}${row.kind === 'percent' ? ' %' : ''}); hãy kiểm tra lại số liệu.`;
}
