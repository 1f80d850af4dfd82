import { computeReportValues, isComputedHere, type ReportValue } from '../../domain/reports/report-values';
import type { Template } from '../../domain/templates/template';
import { validateValues, type Finding } from '../../domain/templates/validate';
import type { Justification, ReportValueDto, ValueChangeDto } from '../api/reports';
import { formatNumber } from '../format/number';
import { sameValue, toValue } from './values';

/**
 * What the official has changed since the last save, row by row: a typed value (manual row), an
 * override of a computed value with its reason, or a request to return to the computed value.
 */
export type Edit = { type: 'value'; text: string } | { type: 'override'; text: string; reason: string } | { type: 'revert' };
export type Edits = ReadonlyMap<string, Edit>;

export const savedValues = (values: ReportValueDto[]): Map<string, ReportValue> =>
  new Map(values.map((v) => [v.rowId, { value: v.value, provenance: v.provenance, computed: v.computed, reason: v.reason }]));

/** The report as it would be with the edits saved: formula rows recomputed from the values around them. */
export function draftValues(template: Template, saved: Map<string, ReportValue>, edits: Edits): Map<string, ReportValue> {
  const values = new Map(saved);
  for (const [rowId, edit] of edits) {
    const row = template.byId.get(rowId);
    if (!row || row.kind === 'heading') continue;
    const existing = saved.get(rowId);
    const computed = existing?.computed ?? null;
    if (edit.type === 'value') {
      values.set(rowId, { value: toValue(row, edit.text), provenance: 'entered', computed: null, reason: null });
    } else if (edit.type === 'override') {
      const value = toValue(row, edit.text);
      if (value !== null) values.set(rowId, { value, provenance: 'overridden', computed, reason: edit.reason.trim() || null });
    } else {
      values.set(rowId, { value: computed, provenance: 'computed', computed, reason: null });
    }
  }
  return computeReportValues(template, null, values);
}

/** The checks of the template on a set of values (the same code the server runs). */
export function findingsOf(template: Template, values: Map<string, ReportValue>, reportDate: string): Finding[] {
  return validateValues(template, new Map([...values].map(([id, v]) => [id, v.value])), { reportDate });
}

/**
 * The edits that change something, as PATCH /api/reports/:id/values takes them. An override keeps
 * its reason even when empty: the server refuses it with its own message.
 */
export function pendingChanges(template: Template, saved: Map<string, ReportValue>, edits: Edits): ValueChangeDto[] {
  const changes: ValueChangeDto[] = [];
  for (const [rowId, edit] of edits) {
    const row = template.byId.get(rowId);
    if (!row || row.kind === 'heading') continue;
    const existing = saved.get(rowId);
    if (edit.type === 'value') {
      if (isComputedHere(row, existing)) continue;
      const value = toValue(row, edit.text);
      if (!sameValue(value, existing?.value)) changes.push({ rowId, value });
    } else if (edit.type === 'override') {
      const value = toValue(row, edit.text);
      if (value === null) continue;
      const reason = edit.reason.trim();
      const unchanged = existing?.provenance === 'overridden' && sameValue(value, existing.value) && reason === (existing.reason ?? '');
      if (!unchanged) changes.push({ rowId, value, reason });
    } else if (existing?.provenance === 'overridden') {
      changes.push({ rowId, value: null });
    }
  }
  return changes;
}

export const justificationKey = (rule: string, rowId: string): string => `${rule}|${rowId}`;

/** Justifications typed since the last save (an emptied one cannot be sent: the server wants text). */
export function pendingJustifications(saved: Justification[], typed: ReadonlyMap<string, string>): Justification[] {
  const stored = new Map(saved.map((j) => [justificationKey(j.rule, j.rowId), j.text]));
  const out: Justification[] = [];
  for (const [key, text] of typed) {
    const trimmed = text.trim();
    if (!trimmed || trimmed === stored.get(key)) continue;
    const [rule, rowId] = key.split('|') as [string, string];
    out.push({ rule, rowId, text: trimmed });
  }
  return out;
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Never blocks: a value the system computed for a row left blank. */
  information?: number;
}

export const countFindings = (findings: Finding[]): FindingCounts => ({
  errors: findings.filter((f) => f.severity === 'error').length,
  warnings: findings.filter((f) => f.severity === 'warning').length,
  information: findings.filter((f) => f.severity === 'information').length,
});

/** "3 lỗi, 1 cảnh báo, 2 thông tin"; "Không có lỗi hay cảnh báo" when nothing blocks and nothing is told. */
export function findingsSummary({ errors, warnings, information = 0 }: FindingCounts): string {
  if (errors === 0 && warnings === 0 && information === 0) return 'Không có lỗi hay cảnh báo';
  const parts: string[] = [];
  if (errors > 0) parts.push(`${formatNumber(errors)} lỗi`);
  if (warnings > 0) parts.push(`${formatNumber(warnings)} cảnh báo`);
  if (information > 0) parts.push(`${formatNumber(information)} thông tin`);
  return parts.join(', ');
}

/** Findings grouped by the row they sit on. */
export function findingsByRow(findings: Finding[]): Map<string, Finding[]> {
  const byRow = new Map<string, Finding[]>();
  for (const finding of findings) byRow.set(finding.row, [...(byRow.get(finding.row) ?? []), finding]);
  return byRow;
}
