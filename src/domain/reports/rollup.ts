import { evaluateFormula, formulaNames, parseFormula, roundTo, type Formula } from '../templates/formula';
import type { Template, TemplateRow } from '../templates/template';
import { parseViNumber } from '../templates/vi-number';
import { isNotApplicable, NOT_APPLICABLE } from './not-applicable';
import type { RateParts, ReportValue } from './report-values';

/**
 * A higher level's figures from its units' reports, exactly:
 *  - counts, money and numbers are summed;
 *  - a percentage is recomputed from the summed numerator and denominator (its formula on the
 *    summed rows, or the summed parts of a rate computed from dossiers) — never averaged;
 *  - a coded answer (enum, yes/no) is counted per option;
 *  - `count_units` rows count the units whose answer equals the value.
 * Every figure keeps the contributions behind it, for drill-down, and says which units it covers:
 *  - a unit that wrote "không phát sinh" (`-`) is left out of the sum and the denominator and counted
 *    apart ("không phát sinh: N đơn vị");
 *  - a recomputed rate uses only the units that gave every part of it; a unit missing a part (or
 *    with a rate typed by hand, without parts) is left out of that row and named with what is missing;
 *  - a unit that left a summed row blank is left out of it and named.
 */
export type RollupMethod = 'sum' | 'recompute' | 'count_by_option' | 'count_units' | 'none';

export interface RollupSource {
  unitId: number;
  values: ReadonlyMap<string, ReportValue>;
}

/** How a unit's answer entered a rolled-up row. */
export type ContributionStatus = 'counted' | 'not_applicable' | 'left_out';

export interface Contribution {
  unitId: number;
  value: number | string | null;
  parts: RateParts | null;
  status: ContributionStatus;
  /** For a unit left out: why, in Vietnamese ("thiếu Số nhiệm vụ đã hoàn thành"). */
  leftOut: string | null;
}

/** Which units a rolled-up row covers: "12/15 đơn vị". */
export interface RowCoverage {
  /** Units whose figures are in the row. */
  counted: number;
  /** Units that should report for the roll-up (with or without a report). */
  expected: number;
  /** Units that wrote "không phát sinh". */
  notApplicable: number;
  /** Units with a report that are left out of the row, and why. */
  leftOut: Array<{ unitId: number; reason: string }>;
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
  coverage: RowCoverage;
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

const isBlank = (value: number | string | null | undefined) => value === null || value === undefined || String(value).trim() === '';

/** A row as a sentence names it: "1.1.b Số nhiệm vụ đã hoàn thành". */
const rowName = (row: TemplateRow | undefined, id: string) => (row ? `${row.code ? `${row.code.trim()} ` : ''}${row.label}` : id);

/**
 * `expected`: how many units should report (those without a report included); the units given
 * when absent.
 */
export function rollUp(template: Template, sources: readonly RollupSource[], options: { expected?: number } = {}): Map<string, RolledValue> {
  const expected = Math.max(options.expected ?? sources.length, sources.length);
  const result = new Map<string, RolledValue>();
  const contributionsOf = (row: TemplateRow): Contribution[] =>
    sources.map((s) => {
      const v = s.values.get(row.id);
      const value = v?.value ?? null;
      const status: ContributionStatus = isNotApplicable(value) ? 'not_applicable' : isBlank(value) ? 'left_out' : 'counted';
      return {
        unitId: s.unitId,
        value,
        parts: v?.provenance === 'computed' ? (v.parts ?? null) : null,
        status,
        leftOut: status === 'left_out' ? 'chưa ghi số liệu' : null,
      };
    });
  const base = (row: TemplateRow, method: RollupMethod, contributions: Contribution[]): RolledValue => ({
    rowId: row.id,
    method,
    value: null,
    numerator: null,
    denominator: null,
    options: null,
    answered: contributions.filter((c) => !isBlank(c.value)).length,
    coverage: { counted: 0, expected, notApplicable: 0, leftOut: [] },
    contributions,
    note: null,
  });
  const finish = (rolled: RolledValue): RolledValue => {
    rolled.coverage = coverageOf(rolled.contributions, expected);
    // Every unit that answered wrote "không phát sinh": so is the roll-up.
    if (rolled.value === null && rolled.coverage.counted === 0 && rolled.coverage.notApplicable > 0) rolled.value = NOT_APPLICABLE;
    return rolled;
  };

  // Sums and counts first: recomputed rates read them.
  const deferred: TemplateRow[] = [];
  for (const row of template.rows) {
    if (row.kind === 'heading') continue;
    const method = rollupMethod(row);
    const contributions = contributionsOf(row);
    const rolled = base(row, method, contributions);
    if (method === 'sum') {
      for (const c of contributions) {
        if (c.status === 'counted' && numberOf(c.value) === null) {
          c.status = 'left_out';
          c.leftOut = `"${String(c.value)}" không phải là số`;
        }
      }
      const numbers = contributions.filter((c) => c.status === 'counted').map((c) => numberOf(c.value)!);
      rolled.value = numbers.length === 0 ? null : roundTo(numbers.reduce((a, b) => a + b, 0), 6);
    } else if (method === 'count_by_option') {
      rolled.options = countOptions(row, contributions);
      const counted = contributions.filter((c) => c.status === 'counted').length;
      rolled.value = counted === 0 ? null : optionSentence(rolled.options, counted);
    } else if (method === 'count_units') {
      const { row: target, equals } = (row.source as { count_units: { row: string; equals: number | string } }).count_units;
      const wanted = numberOf(equals) ?? String(equals).trim();
      const matching = sources.filter((s) => {
        const v = s.values.get(target)?.value;
        return v !== null && v !== undefined && (numberOf(v) ?? String(v).trim()) === wanted;
      });
      rolled.value = matching.length;
      rolled.contributions = sources.map((s) => ({ unitId: s.unitId, value: matching.includes(s) ? 1 : 0, parts: null, status: 'counted', leftOut: null }));
      rolled.answered = sources.length;
    } else if (method === 'recompute') {
      deferred.push(row);
      continue;
    } else if (method === 'none') {
      // Not rolled up: the coverage only says who answered.
      for (const c of contributions) if (c.status === 'left_out') c.leftOut = null;
    }
    result.set(row.id, finish(rolled));
  }
  for (const row of deferred) {
    const contributions = withFormulaParts(template, row, contributionsOf(row), sources);
    result.set(row.id, finish(recompute(template, row, contributions, sources, result, base(row, 'recompute', contributions))));
  }
  for (const rolled of result.values()) keepFinite(rolled);
  return result;
}

export const OVERFLOW_NOTE = 'Không tính được: số liệu của các đơn vị quá lớn (vượt giới hạn tính toán). Hãy kiểm tra lại số liệu đã nhập.';

/** Values saved before the bounds existed (1e308…) can sum past what a number holds: no value then, and a note — never Infinity. */
function keepFinite(rolled: RolledValue): void {
  const infinite = (n: unknown) => typeof n === 'number' && !Number.isFinite(n);
  if (infinite(rolled.value) || infinite(rolled.numerator) || infinite(rolled.denominator)) {
    if (infinite(rolled.value)) rolled.value = null;
    if (infinite(rolled.numerator)) rolled.numerator = null;
    if (infinite(rolled.denominator)) rolled.denominator = null;
    rolled.note = OVERFLOW_NOTE;
  }
  rolled.contributions = rolled.contributions.map((c) =>
    c.parts && (infinite(c.parts.numerator) || infinite(c.parts.denominator)) ? { ...c, parts: null } : c,
  );
}

function coverageOf(contributions: readonly Contribution[], expected: number): RowCoverage {
  return {
    counted: contributions.filter((c) => c.status === 'counted').length,
    expected,
    notApplicable: contributions.filter((c) => c.status === 'not_applicable').length,
    leftOut: contributions.filter((c) => c.status === 'left_out' && c.leftOut !== null).map((c) => ({ unitId: c.unitId, reason: c.leftOut! })),
  };
}

/**
 * The coverage as the roll-up page, its XLSX and the API print it: "12/15 đơn vị; không phát sinh:
 * 1 đơn vị; không tính: Xã Tân Cương (thiếu 1.1.b Số nhiệm vụ đã hoàn thành)".
 */
export function coverageText(coverage: RowCoverage, unitName: (unitId: number) => string): string {
  const parts = [`${coverage.counted}/${coverage.expected} đơn vị`];
  if (coverage.notApplicable > 0) parts.push(`không phát sinh: ${coverage.notApplicable} đơn vị`);
  if (coverage.leftOut.length > 0) parts.push(`không tính: ${coverage.leftOut.map((l) => `${unitName(l.unitId)} (${l.reason})`).join(', ')}`);
  return parts.join('; ');
}

/** The rows a formula reads that are rows of the template. */
function formulaRows(template: Template, formula: Formula): string[] {
  return [...formulaNames(formula)].filter((name) => template.byId.has(name));
}

/**
 * Each unit's own numerator and denominator of a formula rate, for drill-down, and whether the unit
 * gave every part: a unit missing one is left out of the row (named with the parts it lacks); a unit
 * whose parts say "không phát sinh" is counted apart.
 */
function withFormulaParts(template: Template, row: TemplateRow, contributions: Contribution[], sources: readonly RollupSource[]): Contribution[] {
  const source = row.source;
  if (typeof source !== 'object' || source === null || !('formula' in source)) return contributions;
  const formula = parseFormula(source.formula);
  const names = formulaRows(template, formula);
  const ratio = ratioOf(formula);
  return contributions.map((c, i) => {
    const values = sources[i]!.values;
    const raw = (name: string) => values.get(name)?.value ?? null;
    const notApplicable = names.filter((name) => isNotApplicable(raw(name)));
    const missing = names.filter((name) => !isNotApplicable(raw(name)) && numberOf(raw(name)) === null);
    if (notApplicable.length > 0 && missing.length === 0) return { ...c, parts: null, status: 'not_applicable', leftOut: null };
    if (missing.length > 0) {
      // A unit that gave none of the parts and no rate has simply not answered the row.
      const nothing = missing.length === names.length && isBlank(c.value);
      const reason = nothing ? 'chưa ghi số liệu' : `thiếu ${missing.map((name) => rowName(template.byId.get(name), name)).join(', ')}`;
      return { ...c, parts: null, status: 'left_out', leftOut: reason };
    }
    if (!ratio) return { ...c, status: 'counted', leftOut: null };
    const lookup = (name: string) => numberOf(raw(name));
    const numerator = evaluateFormula(ratio.numerator, lookup);
    const denominator = evaluateFormula(ratio.denominator, lookup);
    return { ...c, parts: numerator === null || denominator === null ? null : { numerator, denominator }, status: 'counted', leftOut: null };
  });
}

function recompute(
  template: Template,
  row: TemplateRow,
  contributions: Contribution[],
  sources: readonly RollupSource[],
  rolled: Map<string, RolledValue>,
  into: RolledValue,
): RolledValue {
  const source = row.source;
  const decimals = typeof source === 'object' && source !== null && 'formula' in source ? (source.decimals ?? 2) : 2;
  if (typeof source === 'object' && source !== null && 'formula' in source) {
    const formula = parseFormula(source.formula);
    // The parts summed over the units that gave all of them — never a numerator from one set of
    // units over a denominator from another.
    const counted = new Set(contributions.filter((c) => c.status === 'counted').map((c) => c.unitId));
    const lookup = (name: string): number | null => {
      const part = template.byId.get(name);
      if (!part || rollupMethod(part) !== 'sum') return numberOf(rolled.get(name)?.value ?? null);
      if (counted.size === 0) return null;
      let total = 0;
      for (const s of sources) if (counted.has(s.unitId)) total += numberOf(s.values.get(name)?.value ?? null) ?? 0;
      return total;
    };
    const ratio = ratioOf(formula);
    if (ratio && counted.size > 0) {
      into.numerator = evaluateFormula(ratio.numerator, lookup);
      into.denominator = evaluateFormula(ratio.denominator, lookup);
    }
    const raw = counted.size === 0 ? null : evaluateFormula(formula, lookup);
    into.value = raw === null ? null : roundTo(raw, decimals);
    if (into.value === null && into.denominator === 0) into.note = 'Mẫu số bằng 0: không có tỷ lệ.';
    return into;
  }
  // A rate computed from dossiers: sum the parts of the units that stored them.
  for (const c of contributions) {
    if (c.parts !== null && c.status !== 'not_applicable') {
      // Computed over no dossiers (0/0) the rate is blank, yet the unit gave both parts.
      c.status = 'counted';
      c.leftOut = null;
    } else if (c.status === 'counted') {
      c.status = 'left_out';
      c.leftOut = 'tỷ lệ ghi tay hoặc đã sửa, không có tử số và mẫu số';
    }
  }
  const withParts = contributions.filter((c) => c.status === 'counted' && c.parts !== null);
  if (withParts.length === 0) return into;
  into.numerator = withParts.reduce((a, c) => a + c.parts!.numerator, 0);
  into.denominator = withParts.reduce((a, c) => a + c.parts!.denominator, 0);
  into.value = into.denominator === 0 ? null : roundTo((into.numerator / into.denominator) * 100, decimals);
  if (into.value === null) into.note = 'Mẫu số bằng 0: không có tỷ lệ.';
  return into;
}

function countOptions(row: TemplateRow, contributions: Contribution[]): OptionCount[] {
  const legend = row.legend ?? (row.kind === 'yes_no' ? { '0': 'Không', '1': 'Có' } : {});
  const options: OptionCount[] = Object.entries(legend).map(([option, label]) => ({ option, label, count: 0 }));
  for (const c of contributions) {
    if (c.status !== 'counted') continue;
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
