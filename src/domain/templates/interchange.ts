import { z } from 'zod';
import { parsePeriodId, PeriodError } from '../period';
import { formatDateVi, parseDate } from '../text/iso-date';
import type { Template } from './template';
import type { RawValue } from './validate';

/** Bounds checked at the edge (docs/import-files.md): a file bigger than this is no report. */
export const INTERCHANGE_LIMITS = {
  keys: 2000,
  keyChars: 100,
  valueChars: 4000,
  noteChars: 2000,
  /** Larger than any count or sum of money in a report (triệu đồng), far below where doubles lose units. */
  magnitude: 1e15,
  minDate: '2000-01-01',
  maxDate: '2100-12-31',
} as const;

const L = INTERCHANGE_LIMITS;
const text = (max: number) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'thiếu trường này.' : 'phải là chuỗi chữ.') }).max(max, `dài quá ${max} ký tự.`);
const Key = text(L.keyChars).min(1, 'mã dòng không được để trống.');
const keyedRecord = <T extends z.ZodType>(value: T) =>
  z
    .record(Key, value, {
      error: (issue) => (issue.code === 'invalid_key' ? `mã dòng dài quá ${L.keyChars} ký tự hoặc để trống.` : 'phải là một đối tượng {"mã dòng": giá trị}.'),
    })
    .refine((record) => Object.keys(record).length <= L.keys, `tối đa ${L.keys} dòng.`);

const PeriodText = text(60).superRefine((value, ctx) => {
  try {
    parsePeriodId(value);
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message });
  }
});

const DateText = text(30).transform((value, ctx) => {
  const date = parseDate(value);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: `ngày "${value}" không hợp lệ (viết yyyy-mm-dd hoặc dd/mm/yyyy).` });
    return z.NEVER;
  }
  if (date < L.minDate || date > L.maxDate) {
    ctx.addIssue({ code: 'custom', message: `ngày ${formatDateVi(date)} ngoài khoảng ${formatDateVi(L.minDate)}–${formatDateVi(L.maxDate)}.` });
    return z.NEVER;
  }
  return date;
});

const ValueSchema = z.union(
  [
    text(L.valueChars),
    z.number().refine((n) => Number.isFinite(n) && Math.abs(n) <= L.magnitude, `số vượt quá ${L.magnitude.toExponential()} về độ lớn.`),
    z.null(),
  ],
  { error: 'giá trị phải là số, chuỗi chữ hoặc null.' },
);

/**
 * A report's data as exchanged between systems, checked by `cchc check`, printed by `cchc export`
 * and loaded by `cchc report import` (docs/interchange.md): values by row id or printed code,
 * "-" / "x" / "không phát sinh" for not applicable; optionally the document's `meta` and
 * `narrative`, and `notes`, a reason per row for a corrected figure or a justified warning.
 * The period must be a real one (2026-Q9 is not), the report date a real date read as ISO.
 */
export const InterchangeSchema = z.object(
  {
    template: text(100).min(1, 'không được để trống.'),
    templateVersion: text(50).optional(),
    unit: text(20).regex(/^[0-9A-Za-z._-]+$/, 'mã đơn vị chỉ gồm chữ, số và dấu . _ -.').optional(),
    period: PeriodText.optional(),
    reportDate: DateText.optional(),
    values: keyedRecord(ValueSchema),
    notes: keyedRecord(text(L.noteChars)).optional(),
    /** The document's header, signature and recipients (DocumentMetaSchema); checked where it is used. */
    meta: z.record(z.string(), z.unknown(), { error: 'phải là một đối tượng.' }).optional(),
    /** The narrative (NarrativeSchema); checked where it is used. */
    narrative: z.unknown().optional(),
  },
  { error: 'tệp phải là một đối tượng JSON {"template", "values", …}.' },
);
export type Interchange = z.infer<typeof InterchangeSchema>;

const normaliseCode = (code: string) => code.trim().replace(/\.$/, '');

/**
 * Maps the keys of an interchange file to row ids: a row id, or the code as printed ("3.4.2" or
 * "3.4.2."). A printed code shared by several rows is ambiguous and must be written as a row id.
 */
export function resolveInterchangeValues<V = RawValue>(template: Template, values: Record<string, V>): { values: Map<string, V>; problems: string[] } {
  const byCode = new Map<string, string[]>();
  for (const row of template.rows) {
    if (!row.code) continue;
    const code = normaliseCode(row.code);
    byCode.set(code, [...(byCode.get(code) ?? []), row.id]);
  }
  const resolved = new Map<string, V>();
  const keyOf = new Map<string, string>();
  const problems: string[] = [];
  const take = (rowId: string, key: string, value: V) => {
    const earlier = keyOf.get(rowId);
    // Two keys for one row (its id and its code): the file contradicts itself.
    if (earlier !== undefined) problems.push(`Dòng "${rowId}" được ghi hai lần: "${earlier}" và "${key}".`);
    keyOf.set(rowId, key);
    resolved.set(rowId, value);
  };
  for (const [key, value] of Object.entries(values)) {
    if (template.byId.has(key)) {
      take(key, key, value);
      continue;
    }
    const ids = byCode.get(normaliseCode(key)) ?? [];
    if (ids.length === 1) take(ids[0]!, key, value);
    else if (ids.length > 1) problems.push(`Mã "${key}" ứng với nhiều dòng (${ids.join(', ')}); hãy dùng mã dòng.`);
    else problems.push(`Biểu mẫu "${template.id}" không có dòng "${key}".`);
  }
  return { values: resolved, problems };
}
