import { signatureTitleLines, viDate, type DocumentMeta } from '../narrative/document-meta';
import type { Narrative } from '../narrative/narrative';
import type { Template } from '../templates/template';
import { rowTitle } from '../templates/validate';
import { formatViNumber, parseViNumber } from '../templates/vi-number';
import { blocksText, numberedSections } from './section-text';

/**
 * What changed between the version a reviewer returned and the one sent again: each figure
 * (before → after) and each part of the document whose words changed (a section, the opening or
 * closing paragraph, a field of the header or the signature).
 */

type Value = number | string | null | undefined;

export interface ValueChangeSinceReturn {
  rowId: string;
  label: string;
  before: number | string | null;
  after: number | string | null;
}

export interface TextChangeSinceReturn {
  /** A section id, "preamble", "closing", or "meta.<field>". */
  target: string;
  label: string;
  before: string;
  after: string;
}

const canonical = (value: Value): string | number | null => {
  if (value === null || value === undefined || String(value).trim() === '') return null;
  return parseViNumber(value) ?? String(value).trim();
};

export function valueChangesSince(template: Template, before: ReadonlyMap<string, Value>, after: ReadonlyMap<string, Value>): ValueChangeSinceReturn[] {
  return template.rows.flatMap((row) => {
    const a = canonical(before.get(row.id));
    const b = canonical(after.get(row.id));
    return a === b ? [] : [{ rowId: row.id, label: rowTitle(row), before: a, after: b }];
  });
}

const META_FIELDS: Array<[keyof DocumentMeta, string]> = [
  ['parentBody', 'Cơ quan chủ quản'],
  ['issuer', 'Cơ quan ban hành'],
  ['number', 'Số văn bản'],
  ['symbol', 'Ký hiệu'],
  ['place', 'Địa danh'],
  ['date', 'Ngày ban hành'],
  ['addressees', 'Kính gửi'],
  ['documentType', 'Tên loại văn bản'],
  ['summary', 'Trích yếu'],
  ['signature', 'Người ký'],
  ['recipients', 'Nơi nhận'],
];

function metaText(meta: DocumentMeta, key: keyof DocumentMeta): string {
  const value = meta[key];
  if (key === 'date') return viDate(String(value));
  if (key === 'signature') return [...signatureTitleLines(meta.signature), meta.signature.name].filter((l) => l.trim() !== '').join(' – ');
  if (Array.isArray(value)) return value.join('; ');
  return value === null || value === undefined ? '' : String(value);
}

export function documentChangesSince(
  before: { meta: DocumentMeta; narrative: Narrative } | null,
  after: { meta: DocumentMeta; narrative: Narrative },
): TextChangeSinceReturn[] {
  const changes: TextChangeSinceReturn[] = [];
  const push = (target: string, label: string, a: string, b: string) => {
    if (a.trim() !== b.trim()) changes.push({ target, label, before: a, after: b });
  };
  for (const [key, label] of META_FIELDS) push(`meta.${key}`, label, before ? metaText(before.meta, key) : '', metaText(after.meta, key));
  push('preamble', 'Đoạn mở đầu', before ? blocksText(before.narrative.preamble) : '', blocksText(after.narrative.preamble));
  const old = new Map((before ? numberedSections(before.narrative) : []).map((s) => [s.section.id, s]));
  const seen = new Set<string>();
  for (const { section, label } of numberedSections(after.narrative)) {
    seen.add(section.id);
    push(section.id, label, blocksText(old.get(section.id)?.section.blocks ?? []), blocksText(section.blocks));
  }
  for (const [id, { section, label }] of old) if (!seen.has(id)) push(id, label, blocksText(section.blocks), '');
  push('closing', 'Đoạn kết', before ? blocksText(before.narrative.closing) : '', blocksText(after.narrative.closing));
  return changes;
}

/** A value as the list of changes shows it: "1.224", "98,07", "-", "(trống)". */
export function changeValueText(value: number | string | null): string {
  if (value === null) return '(trống)';
  return typeof value === 'number' ? formatViNumber(value, 6) : value;
}
