import { z } from 'zod';
import type { Template } from './template';
import type { RawValue } from './validate';

/** A report's data as exchanged between systems and checked by `cchc check`. */
export const InterchangeSchema = z.object({
  template: z.string().min(1),
  templateVersion: z.string().optional(),
  unit: z.string().optional(),
  period: z.string().optional(),
  reportDate: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type Interchange = z.infer<typeof InterchangeSchema>;

const normaliseCode = (code: string) => code.trim().replace(/\.$/, '');

/**
 * Maps the keys of an interchange file to row ids: a row id, or the code as printed ("3.4.2" or
 * "3.4.2."). A printed code shared by several rows is ambiguous and must be written as a row id.
 */
export function resolveInterchangeValues(template: Template, values: Interchange['values']): { values: Map<string, RawValue>; problems: string[] } {
  const byCode = new Map<string, string[]>();
  for (const row of template.rows) {
    if (!row.code) continue;
    const code = normaliseCode(row.code);
    byCode.set(code, [...(byCode.get(code) ?? []), row.id]);
  }
  const resolved = new Map<string, RawValue>();
  const problems: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (template.byId.has(key)) {
      resolved.set(key, value);
      continue;
    }
    const ids = byCode.get(normaliseCode(key)) ?? [];
    if (ids.length === 1) resolved.set(ids[0]!, value);
    else if (ids.length > 1) problems.push(`Mã "${key}" ứng với nhiều dòng (${ids.join(', ')}); hãy dùng mã dòng.`);
    else problems.push(`Biểu mẫu "${template.id}" không có dòng "${key}".`);
  }
  return { values: resolved, problems };
}
