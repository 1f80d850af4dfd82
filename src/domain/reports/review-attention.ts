import type { Template } from '../templates/template';
import { rowTitle, type Finding } from '../templates/validate';
import type { UnitLevel } from '../units/unit';
import { isNotApplicable } from './not-applicable';
import type { ReportValue } from './report-values';
import { requiredRows } from './submission-checklist';

/**
 * What a reviewer must see before approving, at the top of the report and before a bulk approval:
 * a submission made before the data window ended (with its reason), every automatic figure the
 * unit corrected (with what the system computed and why), every warning the unit justified, and the
 * rows the form requires that the unit marked "không phát sinh".
 */

export interface EarlySubmission {
  /** The reason the unit gave. */
  reason: string;
  /** The last day of the data window. */
  windowTo: string;
  /** When it was sent (UTC instant). */
  at: string;
}

export interface ReviewAttention {
  early: EarlySubmission | null;
  overrides: Array<{ rowId: string; label: string; value: number | string | null; computed: number | null; reason: string }>;
  justified: Array<{ rowId: string; label: string; rule: string; message: string; text: string }>;
  notApplicable: Array<{ rowId: string; label: string }>;
}

export function reviewAttention(input: {
  template: Template;
  level: UnitLevel;
  values: ReadonlyMap<string, ReportValue>;
  findings: readonly Finding[];
  justifications: ReadonlyArray<{ rule: string; rowId: string; text: string }>;
  early: EarlySubmission | null;
}): ReviewAttention {
  const { template } = input;
  const title = (rowId: string) => {
    const row = template.byId.get(rowId);
    return row ? rowTitle(row) : rowId;
  };
  const overrides = template.rows.flatMap((row) => {
    const v = input.values.get(row.id);
    return v?.provenance === 'overridden' ? [{ rowId: row.id, label: rowTitle(row), value: v.value, computed: v.computed, reason: v.reason ?? '' }] : [];
  });
  const texts = new Map(input.justifications.filter((j) => j.text.trim()).map((j) => [`${j.rule}|${j.rowId}`, j.text.trim()]));
  const justified = input.findings.flatMap((f) => {
    const text = f.severity === 'warning' ? texts.get(`${f.rule}|${f.row}`) : undefined;
    return text ? [{ rowId: f.row, label: title(f.row), rule: f.rule, message: f.message, text }] : [];
  });
  const notApplicable = requiredRows(template, input.level, input.values)
    .filter((row) => isNotApplicable(input.values.get(row.id)?.value))
    .map((row) => ({ rowId: row.id, label: rowTitle(row) }));
  return { early: input.early, overrides, justified, notApplicable };
}

/**
 * Why a report should not be approved in a batch without a look of its own ([] when nothing):
 * "gửi trước khi hết kỳ lấy số liệu", "2 số liệu tự động đã sửa", "3 dòng bắt buộc ghi không phát sinh".
 * Justified warnings are shown on the report page; they alone do not hold a report back.
 */
export function attentionReasons(attention: ReviewAttention): string[] {
  const reasons: string[] = [];
  if (attention.early) reasons.push(`gửi trước khi hết kỳ lấy số liệu (lý do: ${attention.early.reason.trim().replace(/[.;]+$/, '')})`);
  if (attention.overrides.length > 0) reasons.push(`${attention.overrides.length} số liệu tự động đã được sửa tay`);
  if (attention.notApplicable.length > 0) reasons.push(`${attention.notApplicable.length} dòng bắt buộc ghi "không phát sinh"`);
  return reasons;
}
