import { z } from 'zod';
import { UNIT_LEVELS, type UnitLevel } from '../units/unit';

/**
 * A scoring profile of the service index of Decision 766/QĐ-TTg as data: one YAML file per method
 * version in `index-profiles/` (a province may add its own), validated with line numbers like the
 * report templates. Documented in docs/index-766.md; JSON Schema in docs/index-profile.schema.json.
 */

export const SCORING_KINDS = ['linear', 'threshold'] as const;
export type ScoringKind = (typeof SCORING_KINDS)[number];

/**
 * What an indicator scores when it cannot be computed:
 * - `full`: its full points (nothing was asked of the unit, so nothing is lost);
 * - `zero`: no points;
 * - `excluded`: it leaves the index (its points leave the maximum too; see `rescale`).
 */
export const UNSCORED_RULES = ['full', 'zero', 'excluded'] as const;
export type UnscoredRule = (typeof UNSCORED_RULES)[number];

const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'mã chỉ gồm chữ thường không dấu, số và dấu _, bắt đầu bằng chữ');
const ProfileId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'mã bộ tiêu chí chỉ gồm chữ thường không dấu, số và dấu -');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày theo dạng YYYY-MM-DD');
const Points = z.number().positive('điểm phải lớn hơn 0').max(100, 'điểm tối đa là 100');
const MetricList = z.array(z.string().min(1)).min(1, 'cần ít nhất một số liệu');

export const IndicatorSchema = z
  .object({
    id: Id,
    name: z.string().min(1),
    points: Points,
    kind: z.enum(SCORING_KINDS).describe('linear: điểm = điểm tối đa × tỷ lệ; threshold: đủ điểm từ ngưỡng, dưới ngưỡng điểm tối đa × tỷ lệ / ngưỡng'),
    threshold: z.number().gt(0, 'ngưỡng phải lớn hơn 0').max(100, 'ngưỡng tối đa là 100').optional().describe('ngưỡng (phần trăm) của kiểu threshold'),
    numerator: MetricList.describe('các số liệu cộng lại thành tử số'),
    denominator: MetricList.describe('các số liệu cộng lại thành mẫu số'),
    levels: z.array(z.enum(UNIT_LEVELS)).min(1).optional().describe('cấp đơn vị áp dụng; không ghi: mọi cấp'),
    not_applicable: z.enum(UNSCORED_RULES).optional().describe('khi đơn vị không thuộc cấp áp dụng; mặc định theo options'),
    zero_denominator: z.enum(UNSCORED_RULES).optional().describe('khi mẫu số bằng 0; mặc định theo options'),
    source: z.string().min(1).describe('căn cứ (văn bản, trang) của chỉ số'),
    verified: z.boolean().describe('true khi công thức và điểm đã đối chiếu được với văn bản; false: giả định, xem docs/index-766.md'),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'threshold' && value.threshold === undefined) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'chỉ số kiểu threshold cần ngưỡng (threshold).' });
    }
    if (value.kind === 'linear' && value.threshold !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'chỉ số kiểu linear không có ngưỡng.' });
    }
  });
export type Indicator = z.infer<typeof IndicatorSchema>;

export const GroupSchema = z
  .object({
    id: Id,
    name: z.string().min(1),
    points: Points,
    indicators: z.array(IndicatorSchema).min(1, 'nhóm cần ít nhất một chỉ số'),
  })
  .strict();
export type IndicatorGroup = z.infer<typeof GroupSchema>;

export const ManualInputSchema = z
  .object({
    key: Id,
    label: z.string().min(1),
    unit: z.string().min(1).describe('đơn vị đếm: thủ tục, hồ sơ, phản ánh…'),
    help: z.string().optional(),
  })
  .strict();
export type ManualInputDef = z.infer<typeof ManualInputSchema>;

export const ProfileOptionsSchema = z
  .object({
    max_supplement_requests: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(1)
      .describe('số lần yêu cầu bổ sung hồ sơ tối đa; hồ sơ bị yêu cầu nhiều hơn tính là quá hạn'),
    missing_due_day: z
      .enum(['on_time', 'late'])
      .default('on_time')
      .describe('hồ sơ không có ngày hẹn trả (thủ tục không quy định thời hạn): tính đúng hạn hay quá hạn'),
    procedure_scope: z
      .enum(['with_dossiers'])
      .default('with_dossiers')
      .describe('thủ tục được đếm trong các tỷ lệ theo thủ tục: with_dossiers = thủ tục có hồ sơ tiếp nhận trong kỳ'),
    not_applicable: z.enum(UNSCORED_RULES).default('excluded'),
    zero_denominator: z.enum(UNSCORED_RULES).default('excluded'),
    rescale: z
      .boolean()
      .default(true)
      .describe('true: tổng điểm quy về thang 100 khi có chỉ số bị loại (excluded); false: cộng điểm đạt được, thang điểm giảm'),
  })
  .strict();
export type ProfileOptions = z.infer<typeof ProfileOptionsSchema>;

export const ProfileSchema = z
  .object({
    id: ProfileId,
    name: z.string().min(1),
    version: z.string().min(1),
    valid_from: IsoDate.describe('ngày bắt đầu áp dụng phương pháp'),
    valid_to: IsoDate.optional(),
    basis: z.string().min(1).describe('văn bản căn cứ'),
    description: z.string().optional(),
    options: ProfileOptionsSchema.default(ProfileOptionsSchema.parse({})),
    manual_inputs: z.array(ManualInputSchema).default([]),
    groups: z.array(GroupSchema).min(1, 'cần ít nhất một nhóm chỉ số'),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;

export function profileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ProfileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://cchc.local/schemas/index-profile.schema.json',
    title: 'Bộ tiêu chí chấm điểm Chỉ số 766 (Decision 766/QĐ-TTg scoring profile)',
  };
}

/** Whether an indicator applies to a unit of this level. */
export const appliesToLevel = (indicator: Indicator, level: UnitLevel): boolean => !indicator.levels || indicator.levels.includes(level);
