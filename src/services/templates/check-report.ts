import { InterchangeSchema, resolveInterchangeValues } from '../../domain/templates/interchange';
import type { Template } from '../../domain/templates/template';
import { validateValues, type Finding } from '../../domain/templates/validate';
import { invalidInput } from '../errors';
import { loadShippedTemplates } from './template-files';

export interface CheckResult {
  template: { id: string; version: string; title: string };
  findings: Finding[];
  problems: string[];
  /** The file's notes that justify a warning of their row. */
  justifications: Array<{ rule: string; rowId: string; text: string }>;
}

let cache: Map<string, Template> | undefined;
/** The shipped templates, read once per process. */
export function shippedTemplates(): Map<string, Template> {
  cache ??= loadShippedTemplates();
  return cache;
}

/** Checks a report's data in the interchange format against its template. */
export function checkReport(data: unknown, templates = shippedTemplates()): CheckResult {
  const parsed = InterchangeSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidInput(`Tệp số liệu không đúng định dạng: trường "${issue.path.join('.') || '(gốc)'}": ${issue.message}`);
  }
  const template = templates.get(parsed.data.template);
  if (!template) {
    throw invalidInput(`Không có biểu mẫu "${parsed.data.template}" (có: ${[...templates.keys()].join(', ')}).`);
  }
  if (parsed.data.templateVersion && parsed.data.templateVersion !== template.version) {
    throw invalidInput(`Biểu mẫu "${template.id}" đang là phiên bản ${template.version}, tệp ghi phiên bản ${parsed.data.templateVersion}.`);
  }
  const { values, problems } = resolveInterchangeValues(template, parsed.data.values);
  const notes = resolveInterchangeValues(template, parsed.data.notes ?? {});
  problems.push(...notes.problems.map((p) => `notes: ${p}`));
  const findings = validateValues(template, values, parsed.data.reportDate ? { reportDate: parsed.data.reportDate } : {});
  const justifications = findings.flatMap((f) => {
    const text = f.severity === 'warning' ? notes.values.get(f.row)?.trim() : undefined;
    return text ? [{ rule: f.rule, rowId: f.row, text }] : [];
  });
  return { template: { id: template.id, version: template.version, title: template.title }, findings, problems, justifications };
}
