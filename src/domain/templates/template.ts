import { z } from 'zod';
import { UNIT_LEVELS, type UnitLevel } from '../units/unit';
import { PROCEDURE_MEASURES, PROCEDURE_MODE_FILTERS } from '../procedures/unit-procedure';
import { REGISTER_KINDS } from '../registers/registers';

/**
 * A province's appendix form (biểu mẫu) as data. One YAML file per template version in
 * `templates/`; documented with a full example in docs/templates.md.
 */
export const ROW_KINDS = ['heading', 'count', 'percent', 'money', 'number', 'enum', 'yes_no', 'text', 'date'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export const AGGREGATIONS = ['sum', 'recompute', 'count_by_option', 'none'] as const;
export const PERIOD_KINDS = ['month', 'quarter', 'half', 'nine_months', 'year'] as const;

const RowId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'mã dòng chỉ gồm chữ thường không dấu, số và dấu _, bắt đầu bằng chữ');

const Source = z.union([
  z.literal('manual'),
  z.object({ manual: z.object({ prefill: z.enum(['previous']).optional() }) }).strict(),
  z
    .object({
      metric: z.string().min(1).describe('một số liệu của docs/metrics.md, hoặc công thức trên chúng: "resolved.early + resolved.on_time"'),
      window: z.enum(['period', 'cumulative']).default('period'),
    })
    .strict(),
  z.object({ formula: z.string().min(1), decimals: z.number().int().min(0).max(6).optional() }).strict(),
  z
    .object({
      count_units: z.object({ row: RowId, equals: z.union([z.number(), z.string()]) }).strict(),
    })
    .strict(),
  z
    .object({
      procedures: z.enum(PROCEDURE_MEASURES).describe('số TTHC trong danh mục TTHC của đơn vị: đang có hiệu lực tại ngày cuối kỳ có đặc điểm này, hoặc công bố mới / bãi bỏ trong kỳ'),
      mode: z.enum(PROCEDURE_MODE_FILTERS).optional().describe('chỉ TTHC có mức độ này: full (toàn trình), partial (một phần), online (cả hai), none'),
      level: z.enum(UNIT_LEVELS).optional().describe('chỉ TTHC thuộc cấp này'),
      field: z.string().min(1).max(200).optional().describe('chỉ TTHC thuộc lĩnh vực này'),
      per: z.enum(PROCEDURE_MEASURES).optional().describe('tỷ lệ %: số trên chia số này (cùng bộ lọc) × 100'),
    })
    .strict(),
  z
    .object({
      register: z.enum(REGISTER_KINDS).describe('sổ theo dõi của đơn vị: staff, equipment, documents, activities'),
      sum: z.string().min(1).optional().describe('cộng cột số này thay vì đếm dòng'),
      where: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()])).min(1)]))
        .optional()
        .describe('chỉ các dòng có giá trị này ở cột; với cột chữ: "" để trống, "*" có ghi'),
      at: z.enum(['end', 'started', 'ended']).optional().describe('sổ theo thời hạn: end (còn tại ngày cuối kỳ, mặc định), started / ended (bắt đầu / kết thúc trong kỳ)'),
    })
    .strict(),
]);

export interface TemplateRowInput {
  id: string;
  code?: string | null | undefined;
  label: string;
  unit?: string | null | undefined;
  kind: RowKind;
  legend?: Record<string, string> | undefined;
  source?: z.infer<typeof Source> | undefined;
  aggregate?: (typeof AGGREGATIONS)[number] | undefined;
  concept?: string | undefined;
  parts?: 'sum' | 'at_most' | undefined;
  /** For the template's authors only (where a row comes from, why it is shaped so); never shown to officers. */
  note?: string | undefined;
  /** Help for the official filling the row, shown beside it in the web form. */
  help?: string | undefined;
  /** The unit levels the row applies to; absent: every level of the template. */
  levels?: UnitLevel[] | undefined;
  /** A manual row the unit may leave blank when submitting (by default every manual row of its level is required). */
  optional?: boolean | undefined;
  children?: TemplateRowInput[] | undefined;
}

const Row: z.ZodType<TemplateRowInput> = z.lazy(() =>
  z
    .object({
      id: RowId,
      code: z.string().nullable().optional(),
      label: z.string().min(1),
      unit: z.string().nullable().optional(),
      kind: z.enum(ROW_KINDS),
      legend: z.record(z.string(), z.string()).optional(),
      source: Source.optional(),
      aggregate: z.enum(AGGREGATIONS).optional(),
      concept: z.string().regex(/^[a-z][a-z0-9_.]*$/).optional(),
      parts: z.enum(['sum', 'at_most']).optional(),
      note: z.string().optional().describe('ghi chú cho người soạn biểu mẫu; không hiện cho cán bộ nhập số liệu'),
      help: z.string().optional().describe('hướng dẫn cho cán bộ nhập số liệu, hiện bên dòng'),
      levels: z.array(z.enum(UNIT_LEVELS)).min(1).optional().describe('cấp đơn vị áp dụng dòng này; bỏ trống: mọi cấp của biểu mẫu'),
      optional: z.boolean().optional().describe('true: dòng nhập tay được để trống khi gửi báo cáo'),
      children: z.array(Row).optional(),
    })
    .strict(),
);

export const RULE_OPERATORS = ['==', '!=', '<', '<=', '>', '>='] as const;

const Rule = z
  .object({
    id: z.string().min(1),
    left: z.string().min(1),
    operator: z.enum(RULE_OPERATORS),
    right: z.string().min(1),
    severity: z.enum(['error', 'warning', 'information']),
    message: z.string().min(1),
    missing: z.enum(['skip', 'zero', 'fail']).default('skip'),
    tolerance: z.number().min(0).optional(),
  })
  .strict();

const SECTION_ID_MESSAGE = 'mã mục chỉ gồm chữ thường không dấu, số và dấu _, bắt đầu bằng chữ';
const SectionId = z.string().regex(/^[a-z][a-z0-9_]*$/, SECTION_ID_MESSAGE);

const AddedSection = z
  .object({
    id: SectionId.describe('mã mục mới, không trùng mục đã có'),
    title: z.string().min(1).describe('tên mục như in, chữ thường (mục cấp I được in hoa)'),
    after: SectionId.optional().describe('đặt ngay sau mục này, cùng cấp'),
    before: SectionId.optional().describe('đặt ngay trước mục này, cùng cấp'),
    under: SectionId.optional().describe('đặt làm mục con cuối cùng của mục này'),
    numbered: z.boolean().optional().describe('false: in tên mục không đánh số'),
  })
  .strict();

/**
 * How a template changes the default outline of the report's narrative (I–V of Nghị quyết
 * 76/NQ-CP, see src/domain/narrative): rename sections by their ids, add sections, drop the
 * optional ones. References are checked when the template loads.
 */
export const TemplateNarrativeSchema = z
  .object({
    rename: z
      .record(SectionId, z.string().min(1), { error: (issue) => (issue.code === 'invalid_key' ? `"${String(issue.path?.at(-1) ?? '')}": ${SECTION_ID_MESSAGE}` : undefined) })
      .optional().describe('mã mục → tên mới'),
    add: z.array(AddedSection).optional().describe('mục thêm vào, theo thứ tự; mỗi mục có đúng một trong after, before, under'),
    drop: z.array(SectionId).optional().describe('mục không bắt buộc được bỏ: v_proposals, iii_1_strengths, iii_2_weaknesses'),
  })
  .strict();

export type TemplateNarrative = z.infer<typeof TemplateNarrativeSchema>;
export type AddedSectionSpec = z.infer<typeof AddedSection>;

export const TemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'mã biểu mẫu chỉ gồm chữ thường không dấu, số và dấu -'),
    version: z.string().min(1),
    title: z.string().min(1),
    issuer: z.string().min(1),
    source_document: z.string().optional(),
    levels: z.array(z.enum(UNIT_LEVELS)).min(1),
    provinces: z
      .array(z.string().regex(/^\d{2}$/, 'mã tỉnh gồm 2 chữ số, như trong danh mục đơn vị hành chính ("19")'))
      .min(1)
      .optional()
      .describe('mã các tỉnh dùng biểu mẫu này ("19" là Thái Nguyên); bỏ trống: mọi tỉnh'),
    periods: z.array(z.enum(PERIOD_KINDS)).min(1),
    cutoff: z.string().default('nd09'),
    deadline_days: z.number().int().min(0).max(60).optional(),
    rows: z.array(Row).min(1),
    rules: z.array(Rule).default([]),
    narrative: TemplateNarrativeSchema.optional().describe('dàn ý phần nội dung báo cáo: đổi tên, thêm, bỏ mục (mặc định: I–V)'),
  })
  .strict();

export type TemplateInput = z.infer<typeof TemplateSchema>;
export type ValidationRule = z.infer<typeof Rule>;
export type RowSource = z.infer<typeof Source>;

/** A row after loading: its place in the form is known. */
export interface TemplateRow extends Omit<TemplateRowInput, 'children'> {
  depth: number;
  parentId: string | null;
  childIds: string[];
  /** Printed under a "Trong đó" heading (a part of its parent). */
  isPart: boolean;
}

export interface Template extends Omit<TemplateInput, 'rows'> {
  /** Every row in printed order, parents before their children. */
  rows: TemplateRow[];
  byId: Map<string, TemplateRow>;
}

/** The template format as a JSON Schema (for editors and other systems), from the same zod schema. */
export function templateJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TemplateSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://cchc.local/schemas/template.schema.json',
    title: 'Biểu mẫu báo cáo CCHC (CCHC report template)',
  };
}

/** Whether a row is part of the form for a unit of this level (a row inherits its parent's levels). */
export function rowAppliesToLevel(template: Template, row: TemplateRow, level: UnitLevel): boolean {
  for (let current: TemplateRow | undefined = row; current; current = current.parentId ? template.byId.get(current.parentId) : undefined) {
    if (current.levels && !current.levels.includes(level)) return false;
  }
  return true;
}

/**
 * The form as a unit of this level fills it: the rows of other levels (and their sub-rows) left out
 * — a commune does not see the rows about the district. The web form, the DOCX and the XLSX of a
 * unit's report use it; a roll-up keeps the whole template.
 */
export function templateForLevel(template: Template, level: UnitLevel): Template {
  const kept = template.rows.filter((row) => rowAppliesToLevel(template, row, level));
  if (kept.length === template.rows.length) return template;
  const ids = new Set(kept.map((row) => row.id));
  const rows = kept.map((row) => ({ ...row, childIds: row.childIds.filter((id) => ids.has(id)) }));
  return { ...template, rows, byId: new Map(rows.map((row) => [row.id, row])) };
}
