import { isNotApplicable, NOT_APPLICABLE } from '../reports/not-applicable';
import type { Template, TemplateRow } from '../templates/template';
import { parseViNumber } from '../templates/vi-number';
import { normalizeForSearch } from '../text/normalize-for-search';
import { docParagraphs, docTables, type DocCell, type DocTable, type ReadDocument } from './document';

/**
 * Reads a report's appendix (phụ lục / biểu mẫu) out of a document: which template it is, and the
 * value of each template row, matched by printed code and label. Nothing is guessed: a table row
 * that matches no template row is listed, a template row found nowhere is left out.
 */

/** Where a value was read: the table (from 1) and its row (from 1), as a person counts them. */
export interface TablePlace {
  table: number;
  row: number;
}

export interface ReadValue {
  rowId: string;
  /** As printed in the document, trimmed ("1.224", "99,9%", "-"). */
  raw: string;
  /** The number it means; null for "-" (không phát sinh) and for text. */
  value: number | null;
  notApplicable: boolean;
  where: TablePlace;
  code: string;
  label: string;
}

export interface UnmatchedRow {
  where: TablePlace;
  code: string;
  label: string;
  raw: string;
}

export interface AppendixReading {
  template: Template;
  /** Template rows found in the document (with or without a value). */
  matchedRows: number;
  values: ReadValue[];
  /** Table rows that look like appendix rows but match no template row. */
  unmatched: UnmatchedRow[];
  /** The template's title appears in the document's paragraphs. */
  titleFound: boolean;
}

/** Folded for comparison: no diacritics, no punctuation, no leading "Trong đó:". */
export function foldLabel(text: string): string {
  return normalizeForSearch(text)
    .replace(/^trong do\s*:?\s*/, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "3.4.2." and "3.4.2" are the same code; "Trong đó" and words are none. */
export function foldCode(text: string): string {
  const t = text.replace(/\s+/g, '').replace(/\.$/, '');
  return /^[0-9IVXivx]+(\.[0-9a-z]+)*$/.test(t) ? t.toUpperCase() : normalizeForSearch(text).replace(/\.$/, '');
}

/** Token overlap (Dice) of two folded labels, 0–1. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const ta = a.split(' ');
  const tb = new Map<string, number>();
  for (const t of b.split(' ')) tb.set(t, (tb.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = tb.get(t) ?? 0;
    if (n > 0) {
      common += 1;
      tb.set(t, n - 1);
    }
  }
  return (2 * common) / (ta.length + b.split(' ').length);
}

interface Columns {
  code: number;
  label: number;
  value: number;
  /** Rows before this one are the header. */
  firstDataRow: number;
}

const cellText = (row: DocCell[], index: number) => (index >= 0 && index < row.length && row[index]!.covered !== 'above' ? row[index]!.text.trim() : '');

/** Finds the STT, label and value columns from the header rows ("STT", "Chỉ tiêu"/"Nội dung", "Số liệu"/"Kết quả"). */
function columnsOf(table: DocTable): Columns | null {
  let code = -1;
  let label = -1;
  let value = -1;
  let firstDataRow = 0;
  // Header rows come first: a row with two header words, then the rows under it ("Đơn vị tính | Số liệu").
  for (let r = 0; r < Math.min(4, table.rows.length); r++) {
    const folded = table.rows[r]!.map((c) => foldLabel(c.text));
    // A numbered row is data, whatever its label says ("1. Kết quả giải quyết TTHC").
    if (/^[0-9]/.test(folded[Math.max(code, 0)] ?? '') && table.rows[r]![Math.max(code, 0)]?.covered !== 'above') break;
    const hits = { code: -1, label: -1, value: -1, unit: -1 };
    folded.forEach((text, i) => {
      if (/^(stt|so tt|tt|ma so)$/.test(text)) hits.code = hits.code < 0 ? i : hits.code;
      else if (/^(cac )?(chi tieu|noi dung)\b/.test(text) && text.split(' ').length <= 14) hits.label = hits.label < 0 ? i : hits.label;
      else if (/^(so lieu|ket qua|so luong)( [a-z0-9]+){0,2}$/.test(text)) {
        // The innermost "Số liệu" wins over a "Kết quả" that spans it.
        if (hits.value < 0 || text.startsWith('so lieu')) hits.value = i;
      } else if (/^don vi tinh$/.test(text)) hits.unit = i;
    });
    const count = Object.values(hits).filter((i) => i >= 0).length;
    if (count === 0 || (count < 2 && firstDataRow === 0)) break;
    if (hits.code >= 0 && code < 0) code = hits.code;
    if (hits.label >= 0 && label < 0) label = hits.label;
    if (hits.value >= 0 && (value < 0 || folded[hits.value]!.startsWith('so lieu'))) value = hits.value;
    firstDataRow = r + 1;
  }
  if (label < 0 && code < 0) return null;
  if (code < 0) code = label > 0 ? label - 1 : -1;
  if (label < 0) label = code + 1;
  if (value < 0) {
    const width = Math.max(...table.rows.map((r) => r.length));
    value = width > label + 2 ? label + 2 : width - 1;
  }
  return { code, label, value, firstDataRow };
}

interface TableLine {
  where: TablePlace;
  code: string;
  label: string;
  raw: string;
}

/** The data lines of every table that has an appendix header. */
function tableLines(doc: ReadDocument): TableLine[] {
  const lines: TableLine[] = [];
  for (const table of docTables(doc)) {
    const columns = columnsOf(table);
    if (!columns) continue;
    table.rows.forEach((row, r) => {
      if (r < columns.firstDataRow) return;
      const label = cellText(row, columns.label);
      const code = cellText(row, columns.code);
      // A horizontally merged cell across label and value is a heading, not a value.
      const valueCell = row[columns.value];
      const raw = valueCell && !valueCell.covered ? valueCell.text.trim() : '';
      if (!label && !code) return;
      lines.push({ where: { table: table.index, row: r + 1 }, code, label, raw });
    });
  }
  return lines;
}

/** Matches the lines to the template's rows: by label (and code when printed), each row once, in order. */
function matchLines(template: Template, lines: TableLine[]): { matches: Array<{ line: TableLine; row: TemplateRow }>; unmatched: TableLine[] } {
  const folded = template.rows.map((row) => ({ row, label: foldLabel(row.label), code: row.code ? foldCode(row.code) : '' }));
  const taken = new Set<string>();
  const matches: Array<{ line: TableLine; row: TemplateRow }> = [];
  const unmatched: TableLine[] = [];
  let last = -1;
  for (const line of lines) {
    const label = foldLabel(line.label);
    const code = line.code ? foldCode(line.code) : '';
    let best: { index: number; score: number } | null = null;
    folded.forEach((candidate, index) => {
      if (taken.has(candidate.row.id)) return;
      const sim = similarity(label, candidate.label);
      const codeEqual = code !== '' && candidate.code !== '' && code === candidate.code;
      if (!(sim >= 0.8 || (codeEqual && sim >= 0.5))) return;
      // Rows in the template's order come first: the same label under another parent comes later.
      const score = sim + (codeEqual ? 0.5 : 0) + (index > last ? 0.25 : 0) - (index > last ? (index - last) * 1e-6 : 0);
      if (!best || score > best.score) best = { index, score };
    });
    if (best === null) {
      if (label !== '' && line.raw !== '') unmatched.push(line);
      continue;
    }
    const { index } = best as { index: number };
    const row = folded[index]!.row;
    taken.add(row.id);
    last = index;
    matches.push({ line, row });
  }
  return { matches, unmatched };
}

function readingWith(template: Template, doc: ReadDocument, lines: TableLine[]): AppendixReading {
  const { matches, unmatched } = matchLines(template, lines);
  const values: ReadValue[] = [];
  for (const { line, row } of matches) {
    if (row.kind === 'heading' || line.raw === '') continue;
    const notApplicable = isNotApplicable(line.raw);
    values.push({
      rowId: row.id,
      raw: notApplicable ? NOT_APPLICABLE : line.raw,
      value: notApplicable ? null : parseViNumber(line.raw),
      notApplicable,
      where: line.where,
      code: line.code,
      label: line.label,
    });
  }
  const title = foldLabel(template.title);
  const titleFound = docParagraphs(doc).some((p) => {
    const text = foldLabel(p);
    return text.length > 10 && (text.includes(title) || title.includes(text));
  });
  return { template, matchedRows: matches.length, values, unmatched: unmatched.map(({ where, code, label, raw }) => ({ where, code, label, raw })), titleFound };
}

/**
 * Reads the appendix with the given template, or with the template that fits best: the most rows
 * matched, its title printed as a tie-breaker. Null when no template matches at least 3 rows.
 */
export function readAppendix(doc: ReadDocument, templates: Iterable<Template>, only?: Template): AppendixReading | null {
  const lines = tableLines(doc);
  if (only) return readingWith(only, doc, lines);
  let best: AppendixReading | null = null;
  const score = (r: AppendixReading) => r.matchedRows - r.unmatched.length * 0.5 + (r.titleFound ? 2 : 0);
  for (const template of templates) {
    const reading = readingWith(template, doc, lines);
    if (!best || score(reading) > score(best)) best = reading;
  }
  return best && best.matchedRows >= 3 ? best : null;
}

/** The values keyed by row id, as `cchc check` reads an interchange file. */
export function readingValues(reading: AppendixReading): Record<string, string> {
  return Object.fromEntries(reading.values.map((v) => [v.rowId, v.raw]));
}
