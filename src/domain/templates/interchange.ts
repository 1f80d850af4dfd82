import { z } from 'zod';
import type { Template } from './template';
import type { RawValue } from './validate';

/** Bounds checked at the edge: a file bigger than this is no report. */
export const INTERCHANGE_LIMITS = { keys: 2000, valueChars: 4000, noteChars: 2000 } as const;

const Key = z.string().min(1).max(100);

/**
 * A report's data as exchanged between systems, checked by `cchc check`, printed by `cchc export`
 * and loaded by `cchc report import` (docs/interchange.md): values by row id or printed code,
 * "-" / "x" / "không phát sinh" for not applicable; optionally the document's `meta` and
 * `narrative`, and `notes`, a reason per row for a corrected figure or a justified warning.
 */
export const InterchangeSchema = z.object({
  template: z.string().min(1).max(100),
  templateVersion: z.string().max(50).optional(),
  unit: z.string().max(20).optional(),
  period: z.string().max(20).optional(),
  reportDate: z.string().max(20).optional(),
  values: z
    .record(Key, z.union([z.string().max(INTERCHANGE_LIMITS.valueChars), z.number(), z.null()]))
    .refine((values) => Object.keys(values).length <= INTERCHANGE_LIMITS.keys, `tối đa ${INTERCHANGE_LIMITS.keys} dòng`),
  notes: z
    .record(Key, z.string().max(INTERCHANGE_LIMITS.noteChars))
    .refine((notes) => Object.keys(notes).length <= INTERCHANGE_LIMITS.keys, `tối đa ${INTERCHANGE_LIMITS.keys} dòng`)
    .optional(),
  /** The document's header, signature and recipients (DocumentMetaSchema); checked where it is used. */
  meta: z.record(z.string(), z.unknown()).optional(),
  /** The narrative (NarrativeSchema); checked where it is used. */
  narrative: z.unknown().optional(),
});
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
