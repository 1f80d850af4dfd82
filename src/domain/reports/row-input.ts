import type { TemplateRow } from '../templates/template';
import { parseViNumber } from '../templates/vi-number';
import { parseDate } from '../text/iso-date';
import { isNotApplicable, NOT_APPLICABLE } from './not-applicable';

export type RowValue = number | string | null;

const NUMERIC_KINDS = new Set(['count', 'percent', 'money', 'number', 'enum', 'yes_no']);

/**
 * A value as typed in the web form or written in an interchange file, as it is stored and checked:
 * blank is null; "-", "x", "không phát sinh" are "-"; a number in Vietnamese notation ("1.224",
 * "98,07") is a number; a date is ISO; anything else stays text, for the checks to name.
 */
export function readRowValue(row: Pick<TemplateRow, 'kind'>, raw: string | number | null | undefined): RowValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : String(raw);
  const text = raw.trim();
  if (text === '') return null;
  if (isNotApplicable(text)) return NOT_APPLICABLE;
  if (NUMERIC_KINDS.has(row.kind)) return parseViNumber(text) ?? text;
  if (row.kind === 'date') return parseDate(text) ?? text;
  return text;
}

/** The same value written two ways (1180000 and "1.180.000", "x" and "-") is no change. */
export function sameRowValue(a: RowValue | undefined, b: RowValue | undefined): boolean {
  const left = a ?? null;
  const right = b ?? null;
  if (left === null || right === null) return left === right;
  if (isNotApplicable(left) || isNotApplicable(right)) return isNotApplicable(left) && isNotApplicable(right);
  const x = parseViNumber(left);
  const y = parseViNumber(right);
  if (x !== null && y !== null) return x === y;
  return String(left).trim() === String(right).trim();
}
