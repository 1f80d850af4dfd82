import { parseDate, formatDateVi } from '../text/iso-date';
import { evaluateFormula, formulaNames, parseFormula, roundTo } from './formula';
import type { Template, TemplateRow, ValidationRule } from './template';
import { decimalsWritten, formatViNumber, parseViNumber } from './vi-number';

export type RawValue = string | number | null | undefined;

export interface Finding {
  row: string;
  code: string | null;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  reported: string | null;
  expected: string | null;
}

export interface ValidationContext {
  /** The report's date (ISO): dates in the report may not be after it. */
  reportDate?: string;
}

const NUMERIC_KINDS = new Set(['count', 'percent', 'money', 'number']);
const ROUNDING_TOLERANCE = 0.05;

const text = (value: RawValue) => (value === null || value === undefined ? null : String(value));
const label = (row: TemplateRow) => (row.code ? `${row.code} ${row.label}` : row.label);

/**
 * Checks a report's values against its template: the rules every form gets (percent ranges,
 * percent = numerator/denominator, parts within their total, whole non-negative counts, coded
 * answers inside their legend, real dates not in the future) and the template's own rules.
 */
export function validateValues(template: Template, values: Map<string, RawValue>, context: ValidationContext = {}): Finding[] {
  const findings: Finding[] = [];
  const numbers = new Map<string, number>();
  const add = (row: TemplateRow, rule: string, severity: Finding['severity'], message: string, expected: string | null = null) =>
    findings.push({ row: row.id, code: row.code ?? null, rule, severity, message, reported: text(values.get(row.id)), expected });

  for (const row of template.rows) {
    const raw = values.get(row.id);
    if (raw === null || raw === undefined || String(raw).trim() === '') continue;
    if (row.kind === 'heading') {
      add(row, 'heading_has_no_value', 'warning', `Dòng tiêu đề "${label(row)}" không nhận số liệu; giá trị "${raw}" sẽ bị bỏ qua.`);
      continue;
    }
    if (row.kind === 'text') continue;
    if (row.kind === 'date') {
      const date = parseDate(String(raw));
      if (!date) add(row, 'date_valid', 'error', `Ngày "${raw}" ở dòng ${label(row)} không có thật.`);
      else if (context.reportDate && date > context.reportDate) {
        add(row, 'date_not_future', 'error', `Ngày ${formatDateVi(date)} ở dòng ${label(row)} sau ngày báo cáo ${formatDateVi(context.reportDate)}.`);
      }
      continue;
    }
    const value = parseViNumber(raw);
    if (value === null) {
      add(row, 'number_valid', 'error', `Giá trị "${raw}" ở dòng ${label(row)} không phải là số.`);
      continue;
    }
    numbers.set(row.id, value);
    if (row.kind === 'enum' || row.kind === 'yes_no') {
      const legend = row.legend ?? { '0': 'Không', '1': 'Có' };
      if (!Object.keys(legend).includes(String(value))) {
        const options = Object.entries(legend).map(([k, v]) => `${v} = ${k}`).join('; ');
        add(row, 'enum_in_legend', 'error', `Dòng ${label(row)} chỉ nhận: ${options}; giá trị ${formatViNumber(value)} không có trong chú giải.`, Object.keys(legend).join(', '));
      }
    }
    if (row.kind === 'count' && (value < 0 || !Number.isInteger(value))) {
      add(row, 'count_whole', 'error', `Dòng ${label(row)} là số đếm nên phải là số nguyên không âm (nhận ${formatViNumber(value)}).`);
    }
    if ((row.kind === 'money' || row.kind === 'number') && value < 0) {
      add(row, 'not_negative', 'warning', `Dòng ${label(row)} có giá trị âm (${formatViNumber(value)}).`);
    }
    if (row.kind === 'percent' && (value < 0 || value > 100)) {
      add(row, 'percent_range', 'error', `Tỷ lệ ở dòng ${label(row)} là ${formatViNumber(value)}%, phải nằm trong khoảng 0–100%.`);
    }
  }

  const lookup = (name: string) => numbers.get(name) ?? null;
  for (const row of template.rows) {
    const source = row.source;
    if (source && typeof source === 'object' && 'formula' in source) {
      const reported = numbers.get(row.id);
      const computed = evaluateFormula(parseFormula(source.formula), lookup);
      if (reported === undefined || computed === null) continue;
      const written = decimalsWritten(values.get(row.id) as string | number);
      const matches = Math.abs(reported - computed) <= ROUNDING_TOLERANCE || roundTo(computed, written) === reported;
      if (!matches) {
        const parts = formulaParts(source.formula, numbers);
        add(
          row,
          'formula_matches',
          'error',
          `Dòng ${label(row)} ghi ${formatViNumber(reported)}${row.kind === 'percent' ? '%' : ''} nhưng tính từ số liệu thành phần được ${formatViNumber(computed)}${row.kind === 'percent' ? '%' : ''}${parts}.`,
          formatViNumber(roundTo(computed, 2)),
        );
      }
    }
    if (row.parts && row.childIds.length > 0 && NUMERIC_KINDS.has(row.kind) && row.kind !== 'percent') {
      const total = numbers.get(row.id);
      if (total === undefined) continue;
      const parts = row.childIds.map((id) => template.byId.get(id)!).filter((child) => child.kind === row.kind);
      for (const child of parts) {
        const value = numbers.get(child.id);
        if (value !== undefined && value > total) {
          add(child, 'part_at_most_total', 'error', `"${child.label}" (${formatViNumber(value)}) lớn hơn tổng của dòng ${label(row)} (${formatViNumber(total)}).`, `≤ ${formatViNumber(total)}`);
        }
      }
      if (row.parts === 'sum' && parts.every((child) => numbers.has(child.id))) {
        const sum = parts.reduce((acc, child) => acc + numbers.get(child.id)!, 0);
        if (Math.abs(sum - total) > 1e-9) {
          add(row, 'parts_add_up', 'error', `Tổng các dòng "Trong đó" của ${label(row)} là ${formatViNumber(sum)}, khác tổng số ${formatViNumber(total)}.`, formatViNumber(sum));
        }
      }
    }
  }

  for (const rule of template.rules) findings.push(...applyRule(template, rule, numbers, values));
  return findings;
}

function formulaParts(formula: string, numbers: Map<string, number>): string {
  const match = /^\s*([a-z0-9_]+)\s*\/\s*([a-z0-9_]+)\s*\*\s*100\s*$/.exec(formula);
  if (!match) return '';
  const numerator = numbers.get(match[1]!);
  const denominator = numbers.get(match[2]!);
  return numerator === undefined || denominator === undefined ? '' : ` (${formatViNumber(numerator)}/${formatViNumber(denominator)})`;
}

const COMPARE: Record<ValidationRule['operator'], (a: number, b: number, tolerance: number) => boolean> = {
  '==': (a, b, t) => Math.abs(a - b) <= t,
  '!=': (a, b, t) => Math.abs(a - b) > t,
  '<': (a, b) => a < b,
  '<=': (a, b, t) => a <= b + t,
  '>': (a, b) => a > b,
  '>=': (a, b, t) => a + t >= b,
};

function applyRule(template: Template, rule: ValidationRule, numbers: Map<string, number>, values: Map<string, RawValue>): Finding[] {
  const missing = rule.missing ?? 'skip';
  const lookup = (name: string) => numbers.get(name) ?? (missing === 'zero' ? 0 : null);
  const left = evaluateFormula(parseFormula(rule.left), lookup);
  const right = evaluateFormula(parseFormula(rule.right), lookup);
  // A finding sits on the first row the rule's left side names (then its right side).
  const named = [...formulaNames(parseFormula(rule.left)), ...formulaNames(parseFormula(rule.right))];
  const anchor = named.map((id) => template.byId.get(id)).find((row) => row !== undefined) ?? template.rows[0]!;
  const finding = (message: string, expected: string | null): Finding => ({
    row: anchor.id,
    code: anchor.code ?? null,
    rule: rule.id,
    severity: rule.severity,
    message,
    reported: text(values.get(anchor.id)),
    expected,
  });
  if (left === null || right === null) {
    return missing === 'fail' ? [finding(`${rule.message} (thiếu số liệu để kiểm tra)`, null)] : [];
  }
  if (COMPARE[rule.operator](left, right, rule.tolerance ?? 0)) return [];
  return [finding(`${rule.message} (${formatViNumber(left)} ${rule.operator} ${formatViNumber(right)} không thỏa)`, `${rule.operator} ${formatViNumber(right)}`)];
}
