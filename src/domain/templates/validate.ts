import { isNotApplicable } from '../reports/not-applicable';
import { parseDate, formatDateVi } from '../text/iso-date';
import { evaluateFormula, formulaNames, parseFormula, roundTo, type Formula } from './formula';
import type { Template, TemplateRow, ValidationRule } from './template';
import { decimalsWritten, formatViNumber, parseViNumber } from './vi-number';

export type RawValue = string | number | null | undefined;

/** error blocks a submission; warning needs a justification; information only tells (never blocks). */
export const FINDING_SEVERITIES = ['error', 'warning', 'information'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const SEVERITY_LABELS: Record<FindingSeverity, string> = { error: 'Lỗi', warning: 'Cảnh báo', information: 'Thông tin' };

export interface Finding {
  row: string;
  code: string | null;
  rule: string;
  severity: FindingSeverity;
  /** What is wrong, without the row's name: whoever shows it names the row once (see findingText). */
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
const isBlank = (value: RawValue) => value === null || value === undefined || String(value).trim() === '';

/** "1.1. Tỷ lệ hoàn thành kế hoạch", or the label alone for a row printed without a code. */
export const rowTitle = (row: Pick<TemplateRow, 'code' | 'label'>): string => (row.code ? `${row.code} ${row.label}` : row.label);

/** A finding as one sentence that names its row once: "1.1. Tỷ lệ hoàn thành kế hoạch: Ghi 30% nhưng …". */
export function findingText(template: Template, finding: Finding): string {
  const row = template.byId.get(finding.row);
  return `${row ? rowTitle(row) : finding.row}: ${finding.message}`;
}

const percentSign = (row: TemplateRow) => (row.kind === 'percent' ? '%' : '');

/**
 * Checks a report's values against its template: the rules every form gets (percent ranges,
 * percent = numerator/denominator, a rate printed over nothing, parts within their total, whole
 * non-negative counts, coded answers inside their legend, real dates not in the future) and the
 * template's own rules. "Không phát sinh" ("-", "x", …) is a value of its own: it is never a number,
 * never an error, and leaves the rows computed from it without a value.
 */
export function validateValues(template: Template, values: Map<string, RawValue>, context: ValidationContext = {}): Finding[] {
  const findings: Finding[] = [];
  const numbers = new Map<string, number>();
  const notApplicable = new Set<string>();
  const add = (row: TemplateRow, rule: string, severity: FindingSeverity, message: string, expected: string | null = null) =>
    findings.push({ row: row.id, code: row.code ?? null, rule, severity, message, reported: text(values.get(row.id)), expected });

  for (const row of template.rows) {
    const raw = values.get(row.id);
    if (isBlank(raw)) continue;
    if (isNotApplicable(raw)) {
      notApplicable.add(row.id);
      continue;
    }
    if (row.kind === 'heading') {
      add(row, 'heading_has_no_value', 'warning', `Dòng tiêu đề không nhận số liệu; giá trị "${raw}" sẽ bị bỏ qua.`);
      continue;
    }
    if (row.kind === 'text') continue;
    if (row.kind === 'date') {
      const date = parseDate(String(raw));
      if (!date) add(row, 'date_valid', 'error', `Ngày "${raw}" không có thật.`);
      else if (context.reportDate && date > context.reportDate) {
        add(row, 'date_not_future', 'error', `Ngày ${formatDateVi(date)} sau ngày báo cáo ${formatDateVi(context.reportDate)}.`);
      }
      continue;
    }
    const value = parseViNumber(raw!);
    if (value === null) {
      add(row, 'number_valid', 'error', `"${raw}" không phải là số. Nếu không phát sinh, ghi "-" hoặc "không phát sinh".`);
      continue;
    }
    numbers.set(row.id, value);
    if (row.kind === 'enum' || row.kind === 'yes_no') {
      const legend = row.legend ?? { '0': 'Không', '1': 'Có' };
      if (!Object.keys(legend).includes(String(value))) {
        const options = Object.entries(legend).map(([k, v]) => `${v} = ${k}`).join('; ');
        add(row, 'enum_in_legend', 'error', `Chỉ nhận: ${options}; giá trị ${formatViNumber(value)} không có trong chú giải.`, Object.keys(legend).join(', '));
      }
    }
    if (row.kind === 'count' && (value < 0 || !Number.isInteger(value))) {
      add(row, 'count_whole', 'error', `Số đếm phải là số nguyên không âm (nhận ${formatViNumber(value)}).`);
    }
    if ((row.kind === 'money' || row.kind === 'number') && value < 0) {
      add(row, 'not_negative', 'warning', `Giá trị âm (${formatViNumber(value)}).`);
    }
    if (row.kind === 'percent' && (value < 0 || value > 100)) {
      add(row, 'percent_range', 'error', `Tỷ lệ ${formatViNumber(value)}% phải nằm trong khoảng 0–100%.`);
    }
  }

  for (const row of template.rows) {
    const source = row.source;
    if (source && typeof source === 'object' && 'formula' in source) checkFormulaRow(row, parseFormula(source.formula), values, numbers, notApplicable, add);
    if (row.parts && row.childIds.length > 0 && NUMERIC_KINDS.has(row.kind) && row.kind !== 'percent') {
      const total = numbers.get(row.id);
      if (total === undefined) continue;
      const parts = row.childIds.map((id) => template.byId.get(id)!).filter((child) => child.kind === row.kind);
      for (const child of parts) {
        const value = numbers.get(child.id);
        if (value !== undefined && value > total) {
          add(child, 'part_at_most_total', 'error', `${formatViNumber(value)} lớn hơn tổng ở dòng ${row.code ?? `"${row.label}"`} (${formatViNumber(total)}).`, `≤ ${formatViNumber(total)}`);
        }
      }
      if (row.parts === 'sum' && parts.every((child) => numbers.has(child.id))) {
        const sum = parts.reduce((acc, child) => acc + numbers.get(child.id)!, 0);
        if (Math.abs(sum - total) > 1e-9) {
          add(row, 'parts_add_up', 'error', `Tổng các dòng "Trong đó" là ${formatViNumber(sum)}, khác tổng số ${formatViNumber(total)}.`, formatViNumber(sum));
        }
      }
    }
  }

  for (const rule of template.rules) findings.push(...applyRule(template, rule, numbers, values));
  return findings;
}

type Add = (row: TemplateRow, rule: string, severity: FindingSeverity, message: string, expected?: string | null) => void;

/** The first division of a formula (a rate's numerator over its denominator), if any. */
function firstDivision(formula: Formula): { numerator: Formula; denominator: Formula } | null {
  if (formula.type === 'binary') {
    if (formula.op === '/') return { numerator: formula.left, denominator: formula.right };
    return firstDivision(formula.left) ?? firstDivision(formula.right);
  }
  return formula.type === 'neg' ? firstDivision(formula.operand) : null;
}

/** Every divisor of a formula: a rate cannot be computed when one of them is 0 or has no value. */
function divisors(formula: Formula, into: Formula[] = []): Formula[] {
  if (formula.type === 'binary') {
    if (formula.op === '/') into.push(formula.right);
    divisors(formula.left, into);
    divisors(formula.right, into);
  } else if (formula.type === 'neg') divisors(formula.operand, into);
  return into;
}

/**
 * A formula row against its parts: a figure that disagrees with them (error), a figure printed where
 * the denominator is 0 or has no value (warning: nothing to compute a rate from), and a row left
 * blank while its parts give a value (information, with that value).
 */
function checkFormulaRow(
  row: TemplateRow,
  formula: Formula,
  values: Map<string, RawValue>,
  numbers: Map<string, number>,
  notApplicable: Set<string>,
  add: Add,
): void {
  const lookup = (name: string) => numbers.get(name) ?? null;
  const raw = values.get(row.id);
  const reported = numbers.get(row.id);
  const computed = evaluateFormula(formula, lookup);
  const sign = percentSign(row);
  const parts = partsText(formula, numbers, notApplicable);
  if (reported !== undefined) {
    if (computed === null) {
      const broken = divisors(formula).map((d) => ({ d, value: evaluateFormula(d, lookup) })).find(({ value }) => value === null || value === 0);
      if (!broken) return;
      const why =
        broken.value === 0
          ? 'mẫu số bằng 0'
          : [...formulaNames(broken.d)].some((name) => notApplicable.has(name))
            ? 'mẫu số ghi "không phát sinh"'
            : 'mẫu số để trống';
      add(
        row,
        'rate_not_computable',
        'warning',
        `Ghi ${formatViNumber(reported)}${sign} nhưng ${why}${parts} nên không tính được. Hãy để trống hoặc ghi "không phát sinh".`,
      );
      return;
    }
    const written = decimalsWritten(raw as string | number);
    const matches = Math.abs(reported - computed) <= ROUNDING_TOLERANCE || roundTo(computed, written) === reported;
    if (!matches) {
      add(
        row,
        'formula_matches',
        'error',
        `Ghi ${formatViNumber(reported)}${sign} nhưng tính từ số liệu thành phần được ${formatViNumber(computed)}${sign}${parts}.`,
        formatViNumber(roundTo(computed, 2)),
      );
    }
    return;
  }
  if (isBlank(raw) && computed !== null) {
    add(
      row,
      'formula_blank',
      'information',
      `${row.kind === 'percent' ? 'Tỷ lệ' : 'Dòng này'} để trống; tính từ số liệu thành phần được ${formatViNumber(computed)}${sign}${parts}.`,
      formatViNumber(roundTo(computed, 2)),
    );
  }
}

/** " (509/519)" for a rate over two parts, naming a blank or not-applicable part as such. */
function partsText(formula: Formula, numbers: Map<string, number>, notApplicable: Set<string>): string {
  const division = firstDivision(formula);
  if (!division) return '';
  const side = (part: Formula): string | null => {
    const value = evaluateFormula(part, (name) => numbers.get(name) ?? null);
    if (value !== null) return formatViNumber(value);
    if ([...formulaNames(part)].some((name) => notApplicable.has(name))) return '-';
    return 'trống';
  };
  const numerator = side(division.numerator);
  const denominator = side(division.denominator);
  return numerator === null || denominator === null ? '' : ` (${numerator}/${denominator})`;
}

const COMPARE: Record<ValidationRule['operator'], (a: number, b: number, tolerance: number) => boolean> = {
  '==': (a, b, t) => Math.abs(a - b) <= t,
  '!=': (a, b, t) => Math.abs(a - b) > t,
  '<': (a, b) => a < b,
  '<=': (a, b, t) => a <= b + t,
  '>': (a, b) => a > b,
  '>=': (a, b, t) => a + t >= b,
};

/** What a failed comparison found, in words: "30 lớn hơn 27" for a rule that wanted 30 <= 27. */
export function failedComparison(left: number, operator: ValidationRule['operator'], right: number): string {
  const a = formatViNumber(left);
  const b = formatViNumber(right);
  switch (operator) {
    case '<=':
      return `${a} lớn hơn ${b}`;
    case '<':
      return left === right ? `${a} bằng ${b}, không nhỏ hơn` : `${a} lớn hơn ${b}`;
    case '>=':
      return `${a} nhỏ hơn ${b}`;
    case '>':
      return left === right ? `${a} bằng ${b}, không lớn hơn` : `${a} nhỏ hơn ${b}`;
    case '==':
      return `${a} khác ${b}`;
    case '!=':
      return `${a} bằng ${b}`;
  }
}

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
  const said = rule.message.trim().replace(/[.;:]+$/, '');
  if (left === null || right === null) {
    return missing === 'fail' ? [finding(`${said} (thiếu số liệu để kiểm tra).`, null)] : [];
  }
  if (COMPARE[rule.operator](left, right, rule.tolerance ?? 0)) return [];
  return [finding(`${said} (${failedComparison(left, rule.operator, right)}).`, `${rule.operator} ${formatViNumber(right)}`)];
}
