import { evaluateFormula, parseFormula, roundTo, type Formula } from '../templates/formula';
import type { Template, TemplateRow } from '../templates/template';
import { parseViNumber } from '../templates/vi-number';
import type { RateParts, ReportValue } from './report-values';

/**
 * A higher level's figures from its units' reports, exactly:
 *  - counts, money and numbers are summed;
 *  - a percentage is recomputed from the summed numerator and denominator (its formula on the
 *    summed rows, or the summed parts of a rate computed from dossiers) — never averaged;
 *  - a coded answer (enum, yes/no) is counted per option;
 *  - `count_units` rows count the units whose answer equals the value.
 * Every figure keeps the contributions behind it, for drill-down.
 */
export type RollupMethod = 'sum' | 'recompute' | 'count_by_option' | 'count_units' | 'none';

export interface RollupSource {
  unitId: number;
  values: ReadonlyMap<string, ReportValue>;
}

export interface Contribution {
  unitId: number;
  value: number | string | null;
  parts: RateParts | null;
}

export interface OptionCount {
  option: string;
  label: string;
  count: number;
}

export interface RolledValue {
  rowId: string;
  method: RollupMethod;
  /** The figure: a number, or for counted options a sentence such as "Kết hợp: 12/18". */
  value: number | string | null;
  numerator: number | null;
  denominator: number | null;
  options: OptionCount[] | null;
  /** How many units answered the row. */
  answered: number;
  contributions: Contribution[];
  /** Why a figure could not be computed, in Vietnamese. */
  note: string | null;
}

const NUMERIC_KINDS = new Set(['count', 'money', 'number']);

export function rollupMethod(row: TemplateRow): RollupMethod {
  if (typeof row.source === 'object' && row.source !== null && 'count_units' in row.source) return 'count_units';
  if (row.aggregate) return row.aggregate;
  if (NUMERIC_KINDS.has(row.kind)) return 'sum';
  if (row.kind === 'percent') return 'recompute';
  if (row.kind === 'enum' || row.kind === 'yes_no') return 'count_by_option';
  return 'none';
}

const numberOf = (value: number | string | null | undefined): number | null =>
  value === null || value === undefined ? null : parseViNumber(value);

/** `a / b * 100` or `a / b` (optionally times a constant): the numerator and denominator formulas. */
export function ratioOf(formula: Formula): { numerator: Formula; denominator: Formula } | null {
  if (formula.type === 'binary' && formula.op === '*' && formula.right.type === 'number') return ratioOf(formula.left);
  if (formula.type === 'binary' && formula.op === '/') return { numerator: formula.left, denominator: formula.right };
  return null;
}

export function rollUp(template: Template, sources: readonly RollupSource[]): Map<string, RolledValue> {
  const result = new Map<string, RolledValue>();
  const contributionsOf = (row: TemplateRow): Contribution[] =>
    sources.map((s) => {
      const v = s.values.get(row.id);
      return { unitId: s.unitId, value: v?.value ?? null, parts: v?.provenance === 'computed' ? (v.parts ?? null) : null };
    });
  const base = (row: TemplateRow, method: RollupMethod, contributions: Contribution[]): RolledValue => ({
    rowId: row.id,
    method,
    value: null,
    numerator: null,
    denominator: null,
    options: null,
    answered: contributions.filter((c) => c.value !== null && c.value !== '').length,
    contributions,
    note: null,
  });

  // Sums and counts first: recomputed rates read them.
  const deferred: TemplateRow[] = [];
  for (const row of template.rows) {
    if (row.kind === 'heading') continue;
    const method = rollupMethod(row);
    const contributions = contributionsOf(row);
    const rolled = base(row, method, contributions);
    if (method === 'sum') {
      const numbers = contributions.map((c) => numberOf(c.value)).filter((n): n is number => n !== null);
      rolled.value = numbers.length === 0 ? null : roundTo(numbers.reduce((a, b) => a + b, 0), 6);
    } else if (method === 'count_by_option') {
      rolled.options = countOptions(row, contributions);
      rolled.value = rolled.answered === 0 ? null : optionSentence(rolled.options, rolled.answered);
    } else if (method === 'count_units') {
      const { row: target, equals } = (row.source as { count_units: { row: string; equals: number | string } }).count_units;
      const wanted = numberOf(equals) ?? String(equals).trim();
      const matching = sources.filter((s) => {
        const v = s.values.get(target)?.value;
        return v !== null && v !== undefined && (numberOf(v) ?? String(v).trim()) === wanted;
      });
      rolled.value = matching.length;
      rolled.contributions = sources.map((s) => ({ unitId: s.unitId, value: matching.includes(s) ? 1 : 0, parts: null }));
      rolled.answered = sources.length;
    } else if (method === 'recompute') {
      deferred.push(row);
      continue;
    }
    result.set(row.id, rolled);
  }
  for (const row of deferred) {
    const contributions = withFormulaParts(row, contributionsOf(row), sources);
    result.set(row.id, recompute(row, contributions, result, base(row, 'recompute', contributions)));
  }
  return result;
}

/** Each unit's own numerator and denominator of a formula rate, for drill-down. */
function withFormulaParts(row: TemplateRow, contributions: Contribution[], sources: readonly RollupSource[]): Contribution[] {
  const source = row.source;
  if (typeof source !== 'object' || source === null || !('formula' in source)) return contributions;
  const ratio = ratioOf(parseFormula(source.formula));
  if (!ratio) return contributions;
  return contributions.map((c, i) => {
    const lookup = (name: string) => numberOf(sources[i]!.values.get(name)?.value ?? null);
    const numerator = evaluateFormula(ratio.numerator, lookup);
    const denominator = evaluateFormula(ratio.denominator, lookup);
    return numerator === null || denominator === null ? c : { ...c, parts: { numerator, denominator } };
  });
}

function recompute(row: TemplateRow, contributions: Contribution[], rolled: Map<string, RolledValue>, into: RolledValue): RolledValue {
  const source = row.source;
  const decimals = typeof source === 'object' && source !== null && 'formula' in source ? (source.decimals ?? 2) : 2;
  if (typeof source === 'object' && source !== null && 'formula' in source) {
    const formula = parseFormula(source.formula);
    const lookup = (name: string) => numberOf(rolled.get(name)?.value ?? null);
    const ratio = ratioOf(formula);
    if (ratio) {
      into.numerator = evaluateFormula(ratio.numerator, lookup);
      into.denominator = evaluateFormula(ratio.denominator, lookup);
    }
    const raw = evaluateFormula(formula, lookup);
    into.value = raw === null ? null : roundTo(raw, decimals);
    if (into.value === null && into.denominator === 0) into.note = 'Mẫu số bằng 0: không có tỷ lệ.';
    return into;
  }
  // A rate computed from dossiers: sum its parts.
  const withParts = contributions.filter((c) => c.parts !== null);
  const answered = contributions.filter((c) => c.value !== null);
  if (answered.length === 0) return into;
  if (withParts.length < answered.length) {
    into.note = `Không tính lại được: ${answered.length - withParts.length} đơn vị không có tử số, mẫu số của tỷ lệ này (tỷ lệ nhập tay hoặc đã sửa).`;
    return into;
  }
  into.numerator = withParts.reduce((a, c) => a + c.parts!.numerator, 0);
  into.denominator = withParts.reduce((a, c) => a + c.parts!.denominator, 0);
  into.value = into.denominator === 0 ? null : roundTo((into.numerator / into.denominator) * 100, decimals);
  return into;
}

function countOptions(row: TemplateRow, contributions: Contribution[]): OptionCount[] {
  const legend = row.legend ?? (row.kind === 'yes_no' ? { '0': 'Không', '1': 'Có' } : {});
  const options: OptionCount[] = Object.entries(legend).map(([option, label]) => ({ option, label, count: 0 }));
  for (const c of contributions) {
    if (c.value === null || c.value === '') continue;
    const key = String(numberOf(c.value) ?? String(c.value).trim());
    let entry = options.find((o) => o.option === key);
    if (!entry) {
      entry = { option: key, label: `Giá trị ngoài chú giải "${key}"`, count: 0 };
      options.push(entry);
    }
    entry.count += 1;
  }
  return options;
}

function optionSentence(options: OptionCount[], answered: number): string {
  return options
    .filter((o) => o.count > 0)
    .map((o) => `${o.label}: ${o.count}/${answered}`)
    .join('; ');
}
