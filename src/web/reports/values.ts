import type { TemplateRow } from '../../domain/templates/template';
import { formatDateVi, parseDate } from '../../domain/text/iso-date';
import { formatViNumber, parseViNumber } from '../../domain/templates/vi-number';
import { readRowValue, sameRowValue } from '../../domain/reports/row-input';
import { isNotApplicable, NOT_APPLICABLE } from '../../domain/reports/not-applicable';

export type RowValue = number | string | null;

const NUMERIC_KINDS = new Set(['count', 'percent', 'money', 'number']);
export const isNumericRow = (row: TemplateRow): boolean => NUMERIC_KINDS.has(row.kind);
export const isCodedRow = (row: TemplateRow): boolean => row.kind === 'enum' || row.kind === 'yes_no';

/** The legend of a coded row; a yes/no row without one reads 0 = Không, 1 = Có. */
export const legendOf = (row: TemplateRow): Record<string, string> => row.legend ?? (row.kind === 'yes_no' ? { '0': 'Không', '1': 'Có' } : {});

/** Up to 6 decimals: money and entered numbers keep what was typed, rates show 98,07. */
const formatNumber = (value: number) => formatViNumber(value, 6);

/** A stored value as the input shows it: 1180000 → "1.180.000", a code → "1", a date → dd/mm/yyyy. */
export function inputText(row: TemplateRow, value: RowValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (isNumericRow(row)) {
    const n = parseViNumber(value);
    return n === null ? String(value) : formatNumber(n);
  }
  if (isCodedRow(row)) {
    const n = parseViNumber(value);
    return n === null ? String(value) : String(n);
  }
  if (row.kind === 'date') {
    const iso = parseDate(String(value));
    return iso ? formatDateVi(iso) : String(value);
  }
  return String(value);
}

/** How the page shows "không phát sinh" (the printed report has "-"). */
export const NOT_APPLICABLE_DISPLAY = '- (không phát sinh)';

/** A value as read-only text: numbers in vi-VN notation, a code with its meaning ("Phát phiếu (1)"). */
export function displayText(row: TemplateRow, value: RowValue | undefined): string {
  if (value === null || value === undefined || String(value).trim() === '') return '—';
  if (isNotApplicable(value)) return NOT_APPLICABLE_DISPLAY;
  if (isCodedRow(row)) {
    const code = inputText(row, value);
    const meaning = legendOf(row)[code];
    return meaning ? `${meaning} (${code})` : code;
  }
  return inputText(row, value);
}

/**
 * What the official typed, as it is sent and checked (the same reading as an interchange file):
 * a number when it reads as one in Vietnamese notation (else the text itself, which the check
 * reports), "-" for every way of writing "không phát sinh", a date as ISO, an empty field as null.
 */
export const toValue = (row: TemplateRow, text: string): RowValue => readRowValue(row, text);

/** The same value written two ways (1180000 and "1.180.000") is no change. */
export const sameValue = sameRowValue;

/** A number typed loosely ("1250", "98.5") written back the Vietnamese way once the field is left; "không phát sinh" as "-". */
export function tidyNumberText(row: TemplateRow, text: string): string {
  if (isNotApplicable(text)) return NOT_APPLICABLE;
  if (!isNumericRow(row)) return text;
  const n = parseViNumber(text);
  return n === null ? text : formatNumber(n);
}
