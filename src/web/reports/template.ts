import type { Template, TemplateRow } from '../../domain/templates/template';
import type { TemplateJson } from '../api/reports';

/** The API's template with its id index rebuilt, as the domain's validation and formulas take it. */
export function toTemplate(json: TemplateJson): Template {
  return { ...json, byId: new Map(json.rows.map((row) => [row.id, row])) };
}

/** "3.4.2. Số hồ sơ tiếp nhận trong kỳ", or the label alone for rows printed without a code. */
export const rowName = (row: TemplateRow): string => (row.code ? `${row.code} ${row.label}` : row.label);

/** A part printed first under its parent gets the "Trong đó" line above it. */
export function startsPartGroup(template: Template, row: TemplateRow): boolean {
  if (!row.isPart || !row.parentId) return false;
  const parent = template.byId.get(row.parentId);
  return parent?.childIds[0] === row.id;
}
