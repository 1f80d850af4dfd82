import type { Template, TemplateRow } from '../templates/template';
import { isNotApplicable, NOT_APPLICABLE } from '../reports/not-applicable';
import { formatViNumber, parseViNumber } from '../templates/vi-number';
import { viDate } from './document-meta';
import { cleanText } from './text';

/**
 * The appendix table (phụ lục / biểu mẫu) as both writers print it: one line per template row, in
 * the template's order — code, label, unit, and one value cell per column (one column for a
 * report; one per child unit for a roll-up).
 */

export interface AppendixColumn {
  header: string;
  /** Row id → value; ReportValue fits. */
  values: ReadonlyMap<string, { value: number | string | null }>;
}

export type AppendixCell =
  | { type: 'blank' }
  /** `decimals`: the places to show (a spreadsheet's fixed format); `text` drops trailing zeros, as the seeds print 98,07 and 100. */
  | { type: 'number'; value: number; decimals: number; text: string }
  | { type: 'text'; text: string };

export interface AppendixRow {
  rowId: string;
  /** What the STT column prints: the row's code, or "Trong đó" before the first part of a row. */
  code: string;
  /** The STT cell holds the "Trong đó" note (printed in italics). */
  codeIsNote: boolean;
  label: string;
  unit: string;
  /** Headings and the top-level rows. */
  bold: boolean;
  /** Parts are indented one step per level ("Trong đó" inside "Trong đó"). */
  indent: number;
  cells: AppendixCell[];
}

export const STANDARD_HEADERS = { code: 'STT', label: 'Chỉ tiêu', unit: 'Đơn vị tính', value: 'Số liệu' } as const;

/** Places a percentage row shows: its formula's `decimals`, else 2. */
export function percentDecimals(row: TemplateRow): number {
  const source = row.source;
  if (typeof source === 'object' && source !== null && 'formula' in source && source.formula !== undefined) {
    return source.decimals ?? 2;
  }
  return 2;
}

function decimalsOf(value: number, max: number): number {
  for (let d = 0; d < max; d++) {
    const scaled = value * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return max;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** One value as the appendix prints it: blank when there is none (never 0 for a missing figure), "-" when it does not apply. */
export function appendixCell(row: TemplateRow, raw: number | string | null | undefined): AppendixCell {
  if (row.kind === 'heading' || raw === null || raw === undefined || String(raw).trim() === '') return { type: 'blank' };
  if (isNotApplicable(raw)) return { type: 'text', text: NOT_APPLICABLE };
  switch (row.kind) {
    case 'count':
    case 'percent':
    case 'money':
    case 'number': {
      const value = parseViNumber(raw);
      if (value === null) return { type: 'text', text: cleanText(String(raw)) };
      if (row.kind === 'percent') {
        const decimals = percentDecimals(row);
        const rounded = round(value, decimals);
        return { type: 'number', value: rounded, decimals, text: formatViNumber(rounded, decimals) };
      }
      const decimals = row.kind === 'count' ? decimalsOf(value, 2) : decimalsOf(value, 6);
      const rounded = round(value, decimals);
      return { type: 'number', value: rounded, decimals, text: formatViNumber(rounded, decimals) };
    }
    case 'enum':
    case 'yes_no': {
      const value = parseViNumber(raw);
      return value === null ? { type: 'text', text: cleanText(String(raw)) } : { type: 'number', value, decimals: 0, text: String(value) };
    }
    case 'date':
      return { type: 'text', text: viDate(String(raw)) };
    default:
      return { type: 'text', text: cleanText(String(raw)) };
  }
}

/** Every row of the template with its cells, in printed order. */
export function appendixRows(template: Template, columns: AppendixColumn[]): AppendixRow[] {
  return template.rows.map((row) => {
    const parent = row.parentId ? template.byId.get(row.parentId) : undefined;
    const firstPart = row.isPart && parent?.childIds[0] === row.id;
    let indent = 0;
    for (let r: TemplateRow | undefined = row; r?.isPart; r = r.parentId ? template.byId.get(r.parentId) : undefined) indent += 1;
    const code = cleanText(row.code ?? '').trim();
    const label = cleanText(row.label).trim();
    return {
      rowId: row.id,
      code: firstPart && code === '' ? 'Trong đó' : code,
      codeIsNote: firstPart && code === '',
      label: firstPart && code !== '' ? `Trong đó: ${label}` : label,
      unit: cleanText(row.unit ?? '').trim(),
      bold: row.kind === 'heading' || row.depth === 0,
      indent,
      cells: columns.map((column) => appendixCell(row, column.values.get(row.id)?.value)),
    };
  });
}
