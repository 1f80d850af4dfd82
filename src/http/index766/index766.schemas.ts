import { z } from 'zod';
import { SCORING_KINDS, UNSCORED_RULES } from '../../domain/index766/profile';
import { MAX_AGAINST_PAGE } from '../../services/index766/compute-index';
import { MAX_INPUT_VALUE } from '../../services/index766/manual-inputs';
import { UnitSchema } from '../schemas';

/** Shapes of the index-766 API: one definition feeds validation, the OpenAPI document and the web page's types. */

const UnitId = z.coerce.number().int().positive().max(2_147_483_647);
const PeriodId = z
  .string()
  .trim()
  .min(4)
  .max(40)
  .describe('Kỳ: 2026-M10 (mặc định: tháng hiện tại), 2026-Q3, 2026-H1, 2026 hoặc 2026-01-01..2026-03-31; theo tháng dương lịch như Cổng DVCQG');
const ProfileId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Mã bộ tiêu chí chỉ gồm chữ thường không dấu, số và dấu -, tối đa 64 ký tự.')
  .describe('Bộ tiêu chí (qd766-6-nhom, qd766-2022…); mặc định: bộ đang áp dụng vào cuối kỳ');
const IndicatorId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Mã chỉ số chỉ gồm chữ thường không dấu, số và dấu _, tối đa 64 ký tự.');
const Month = z.string().regex(/^\d{4}-\d{2}$/, 'Tháng ghi dạng YYYY-MM, ví dụ 2026-10.');

export const IndexQuerySchema = z.object({ unitId: UnitId, periodId: PeriodId.optional(), profileId: ProfileId.optional() });
export const TrendQuerySchema = IndexQuerySchema.extend({
  count: z.coerce.number().int().min(1).max(36).optional().describe('Số tháng (mặc định 12)'),
});
export const AgainstQuerySchema = IndexQuerySchema.extend({
  indicatorId: IndicatorId,
  limit: z.coerce.number().int().min(1).max(MAX_AGAINST_PAGE).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export const AgainstXlsxQuerySchema = IndexQuerySchema.extend({ indicatorId: IndicatorId });
export const InputsQuerySchema = z.object({ unitId: UnitId, month: Month, profileId: ProfileId.optional() });
export const InputsBodySchema = z
  .object({
    unitId: z.number().int().positive().max(2_147_483_647),
    month: Month,
    values: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Mã số liệu chỉ gồm chữ thường không dấu, số và dấu _.'),
        z.number().int('Số liệu phải là số nguyên.').min(0, 'Số liệu không được âm.').max(MAX_INPUT_VALUE, `Số liệu tối đa ${MAX_INPUT_VALUE}.`).nullable(),
      )
      .refine((v) => Object.keys(v).length <= 50, 'Tối đa 50 số liệu một lần.'),
  })
  .strict();

const Period = z
  .object({ id: z.string(), label: z.string(), shortLabel: z.string(), from: z.string(), to: z.string(), running: z.boolean(), measuredTo: z.string() })
  .meta({ id: 'Index766Period' });

const Options = z.object({
  max_supplement_requests: z.number(),
  missing_due_day: z.string(),
  procedure_scope: z.string(),
  not_applicable: z.enum(UNSCORED_RULES),
  zero_denominator: z.enum(UNSCORED_RULES),
  rescale: z.boolean(),
});
const ProfileInfo = z.object({ id: z.string(), name: z.string(), version: z.string(), basis: z.string(), options: Options }).meta({ id: 'Index766ProfileInfo' });

const Part = z.object({ metric: z.string(), value: z.number().int() });
export const IndicatorScoreSchema = z
  .object({
    id: z.string(),
    groupId: z.string(),
    name: z.string(),
    kind: z.enum(SCORING_KINDS),
    threshold: z.number().nullable(),
    max: z.number(),
    numerator: z.number().int(),
    denominator: z.number().int(),
    numeratorParts: z.array(Part),
    denominatorParts: z.array(Part),
    rate: z.number().nullable(),
    points: z.number().nullable(),
    lost: z.number(),
    status: z.enum(['scored', 'zero_denominator', 'not_applicable', 'inconsistent']),
    rule: z.enum(UNSCORED_RULES).nullable(),
    explanation: z.string().nullable(),
    verified: z.boolean(),
    source: z.string(),
  })
  .meta({ id: 'Index766Indicator' });

const Score = z
  .object({
    profileId: z.string(),
    total: z.number().nullable(),
    earned: z.number(),
    applicableMax: z.number(),
    rescaled: z.boolean(),
    groups: z.array(
      z.object({ id: z.string(), name: z.string(), max: z.number(), applicableMax: z.number(), points: z.number(), indicators: z.array(IndicatorScoreSchema) }),
    ),
  })
  .meta({ id: 'Index766Score' });

const ChildSchema = z.object({
  rank: z.number().int().nullable(),
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() }),
  total: z.number().nullable(),
  groups: z.array(z.object({ id: z.string(), points: z.number(), applicableMax: z.number() })),
  handled: z.number().int(),
});

export const IndexSchema = z
  .object({
    unit: UnitSchema,
    period: Period,
    profile: ProfileInfo,
    score: Score,
    counts: z.record(z.string(), z.number()),
    children: z.array(ChildSchema),
  })
  .meta({ id: 'Index766' });

export const TrendSchema = z
  .object({
    unit: UnitSchema,
    points: z.array(
      Period.extend({
        profileId: z.string(),
        total: z.number().nullable(),
        groups: z.array(z.object({ id: z.string(), name: z.string(), points: z.number(), applicableMax: z.number() })),
      }),
    ),
  })
  .meta({ id: 'Index766Trend' });

export const AgainstSchema = z
  .object({
    unit: UnitSchema,
    period: Period,
    profile: ProfileInfo,
    indicator: IndicatorScoreSchema,
    kind: z.enum(['dossiers', 'procedures', 'none']),
    note: z.string().nullable(),
    total: z.number().int(),
    dossiers: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        procedureCode: z.string(),
        procedureName: z.string(),
        channel: z.string(),
        state: z.string(),
        receivedDay: z.string(),
        dueDay: z.string().nullable(),
        finishDay: z.string().nullable(),
        supplementRequests: z.number().int(),
        digitizedInput: z.boolean(),
        digitizedOutput: z.boolean(),
        hasFee: z.boolean(),
        paidOnline: z.boolean(),
        rating: z.string().nullable(),
        reasons: z.array(z.string()),
      }),
    ),
    procedures: z.array(
      z.object({ id: z.number().int(), code: z.string(), name: z.string(), field: z.string(), onlineMode: z.string(), dossiers: z.number().int(), onlineDossiers: z.number().int() }),
    ),
  })
  .meta({ id: 'Index766Against' });

export const ProfilesSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        version: z.string(),
        validFrom: z.string(),
        validTo: z.string().nullable(),
        basis: z.string(),
        groups: z.array(z.object({ id: z.string(), name: z.string(), points: z.number(), indicators: z.array(z.object({ id: z.string(), name: z.string(), points: z.number(), verified: z.boolean() })) })),
      }),
    ),
  })
  .meta({ id: 'Index766Profiles' });

export const InputsSchema = z
  .object({
    unit: UnitSchema,
    month: z.string(),
    profileId: z.string(),
    inputs: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        unit: z.string(),
        help: z.string().optional(),
        value: z.number().int().nullable(),
        updatedAt: z.string().nullable(),
        updatedBy: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Index766Inputs' });

export type Index766Dto = z.infer<typeof IndexSchema>;
export type Index766TrendDto = z.infer<typeof TrendSchema>;
export type Index766AgainstDto = z.infer<typeof AgainstSchema>;
export type Index766InputsDto = z.infer<typeof InputsSchema>;
export type Index766ProfilesDto = z.infer<typeof ProfilesSchema>;
