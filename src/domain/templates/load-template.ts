import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { METRIC_NAMES } from '../dossiers/metrics';
import { resolveOutline } from '../narrative/outline';
import { registerQueryProblems } from '../registers/registers';
import { formulaNames, parseFormula, FormulaError } from './formula';
import { TemplateSchema, type Template, type TemplateRow, type TemplateRowInput } from './template';

export interface TemplateIssue {
  file: string;
  line?: number;
  path: string;
  message: string;
}

export class TemplateError extends Error {
  constructor(readonly issues: TemplateIssue[]) {
    super(
      [
        `Biểu mẫu không hợp lệ (${issues.length} lỗi):`,
        ...issues.slice(0, 30).map((i) => `${i.file}${i.line ? `, dòng ${i.line}` : ''}${i.path ? ` (${i.path})` : ''}: ${i.message}`),
      ].join('\n'),
    );
    this.name = 'TemplateError';
  }
}

function lineOf(doc: Document, counter: LineCounter, path: Array<string | number>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

const METRICS = new Set<string>(METRIC_NAMES);

/**
 * Reads a template file: YAML syntax, then the shape (zod), then the meaning — unique row ids,
 * formulas that parse and name existing rows, metrics that exist, legends for coded rows, rules
 * over known rows, a narrative outline whose sections exist. Every problem names the file and line.
 */
export function loadTemplate(text: string, file: string): Template {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new TemplateError(
      doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line, path: '', message: `lỗi cú pháp YAML: ${e.message.split('\n')[0]}` })),
    );
  }
  const parsed = TemplateSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new TemplateError(
      parsed.error.issues.map((issue) => ({
        file,
        line: lineOf(doc, counter, issue.path as Array<string | number>),
        path: issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
  const issues: TemplateIssue[] = [];
  const rows: TemplateRow[] = [];
  const paths = new Map<string, Array<string | number>>();
  const at = (path: Array<string | number>, message: string) =>
    issues.push({ file, line: lineOf(doc, counter, path), path: path.join('.'), message });

  const walk = (inputs: TemplateRowInput[], depth: number, parent: TemplateRow | null, path: Array<string | number>) => {
    inputs.forEach((input, index) => {
      const rowPath = [...path, index];
      const { children, ...rest } = input;
      if (paths.has(input.id)) at([...rowPath, 'id'], `mã dòng "${input.id}" bị trùng.`);
      paths.set(input.id, rowPath);
      const row: TemplateRow = {
        ...rest,
        depth,
        parentId: parent?.id ?? null,
        childIds: (children ?? []).map((c) => c.id),
        isPart: parent?.parts !== undefined,
      };
      rows.push(row);
      walk(children ?? [], depth + 1, row, [...rowPath, 'children']);
    });
  };
  walk(parsed.data.rows, 0, null, ['rows']);
  const byId = new Map(rows.map((row) => [row.id, row]));

  for (const row of rows) {
    const path = paths.get(row.id)!;
    if (row.kind === 'enum' && (!row.legend || Object.keys(row.legend).length === 0)) {
      at([...path, 'kind'], `dòng "${row.id}" kiểu mã hóa (enum) cần chú giải các giá trị (legend).`);
    }
    if (row.parts && row.childIds.length === 0) at([...path, 'parts'], `dòng "${row.id}" khai báo "parts" nhưng không có dòng con.`);
    const source = row.source;
    if (source && typeof source === 'object' && 'formula' in source) {
      try {
        for (const name of formulaNames(parseFormula(source.formula))) {
          if (!byId.has(name)) at([...path, 'source', 'formula'], `công thức dùng dòng "${name}" không có trong biểu mẫu.`);
        }
      } catch (error) {
        if (error instanceof FormulaError) at([...path, 'source', 'formula'], error.message);
        else throw error;
      }
    }
    if (source && typeof source === 'object' && 'metric' in source) {
      try {
        for (const name of formulaNames(parseFormula(source.metric))) {
          if (!METRICS.has(name)) at([...path, 'source', 'metric'], `không có số liệu "${name}" (xem docs/metrics.md).`);
        }
      } catch (error) {
        if (error instanceof FormulaError) at([...path, 'source', 'metric'], error.message);
        else throw error;
      }
    }
    if (source && typeof source === 'object' && 'register' in source) {
      for (const problem of registerQueryProblems(source)) at([...path, 'source', ...problem.path], problem.message);
    }
    if (source && typeof source === 'object' && 'count_units' in source && !byId.has(source.count_units.row)) {
      at([...path, 'source', 'count_units', 'row'], `không có dòng "${source.count_units.row}".`);
    }
  }
  parsed.data.rules.forEach((rule, index) => {
    for (const side of ['left', 'right'] as const) {
      try {
        for (const name of formulaNames(parseFormula(rule[side]))) {
          if (!byId.has(name)) at(['rules', index, side], `quy tắc "${rule.id}" dùng dòng "${name}" không có trong biểu mẫu.`);
        }
      } catch (error) {
        if (error instanceof FormulaError) at(['rules', index, side], error.message);
        else throw error;
      }
    }
  });
  for (const issue of resolveOutline(parsed.data.narrative).issues) at(['narrative', ...issue.path], issue.message);
  if (issues.length > 0) throw new TemplateError(issues);
  return { ...parsed.data, rows, byId };
}
