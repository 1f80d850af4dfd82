import { z } from 'zod';
import { DASHBOARD_RATES, TREND_RATES } from '../../services/dashboard/rates';
import { TREND_KINDS } from '../../services/dashboard/periods';
import { Id, UnitSchema } from '../schemas';

/** Shapes of the dashboard API: one definition feeds validation, the OpenAPI document and the web page's types. */

const RateSchema = z
  .object({ value: z.number().nullable(), numerator: z.number().int(), denominator: z.number().int() })
  .meta({ id: 'DashboardRate', description: 'Tỷ lệ phần trăm (làm tròn 2 chữ số, null khi mẫu số bằng 0) kèm tử số và mẫu số' });

const RateInfoSchema = z
  .object({ key: z.enum(DASHBOARD_RATES), label: z.string(), numerator: z.string(), denominator: z.string() })
  .meta({ id: 'DashboardRateInfo' });

const PeriodWindowSchema = z
  .object({ id: z.string(), label: z.string(), shortLabel: z.string(), from: z.string(), to: z.string() })
  .meta({ id: 'DashboardPeriod' });

const ChildUnitSchema = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const FormatQuery = z.enum(['json', 'xlsx']).default('json').describe('json (mặc định) hoặc xlsx: tải số liệu của biểu đồ dạng Excel');
const RuleQuery = z.string().optional().describe('Quy tắc chốt số liệu: nd09 (mặc định), calendar hoặc day:D');

export const TrendQuerySchema = z.object({
  unitId: Id,
  kind: z.enum(TREND_KINDS).default('quarter').describe('Loại kỳ: month, quarter, half, year'),
  periodId: z.string().optional().describe('Kỳ cuối cùng (ví dụ 2026-Q1); mặc định kỳ hiện tại'),
  count: z.coerce.number().int().min(1).max(60).optional().describe('Số kỳ (mặc định: 12 tháng, 8 quý, 6 nửa năm, 5 năm)'),
  rule: RuleQuery,
  format: FormatQuery,
});

export const RankingQuerySchema = z.object({
  unitId: Id,
  periodId: z.string().optional().describe('Kỳ (2026-Q1, 2025-M11, 2026-H1, 2025-9M, 2025 hoặc 2026-01-01..2026-01-31); mặc định quý hiện tại'),
  rate: z.enum(DASHBOARD_RATES).default('on_time_pct'),
  order: z.enum(['desc', 'asc']).default('desc').describe('desc: tỷ lệ cao xếp trước (mặc định); asc: thấp xếp trước'),
  rule: RuleQuery,
  format: FormatQuery,
});

export const DistributionQuerySchema = RankingQuerySchema.omit({ order: true });

export const TrendSchema = z
  .object({
    unit: UnitSchema,
    kind: z.enum(TREND_KINDS),
    rule: z.string(),
    rates: z.array(RateInfoSchema),
    points: z.array(
      PeriodWindowSchema.extend({
        running: z.boolean(),
        received: z.number().int(),
        resolved: z.number().int(),
        rates: z.object(Object.fromEntries(TREND_RATES.map((key) => [key, RateSchema])) as Record<(typeof TREND_RATES)[number], typeof RateSchema>),
      }),
    ),
  })
  .meta({ id: 'DashboardTrend' });

export const RankingSchema = z
  .object({
    unit: UnitSchema,
    period: PeriodWindowSchema,
    rule: z.string(),
    unitsOn: z.string(),
    rate: RateInfoSchema,
    order: z.enum(['desc', 'asc']),
    items: z.array(
      z.object({
        rank: z.number().int().nullable(),
        unit: ChildUnitSchema.extend({ level: z.string() }),
        rate: RateSchema,
        received: z.number().int(),
        resolved: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'DashboardRanking' });

export const DistributionSchema = z
  .object({
    unit: UnitSchema,
    period: PeriodWindowSchema,
    rule: z.string(),
    unitsOn: z.string(),
    rate: RateInfoSchema,
    unitCount: z.number().int(),
    buckets: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        from: z.number().nullable(),
        to: z.number().nullable(),
        count: z.number().int(),
        units: z.array(ChildUnitSchema),
      }),
    ),
  })
  .meta({ id: 'DashboardDistribution' });

const Cell = z.union([z.string().max(2000), z.number(), z.null()]);

export const TableXlsxBodySchema = z
  .object({
    title: z.string().min(1).max(300),
    subtitle: z.array(z.string().max(500)).max(5).optional(),
    sheetName: z
      .string()
      .min(1)
      .max(31)
      .refine((name) => !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name) && name.trim() !== '', 'Tên trang tính không được chứa : \\ / ? * [ ], không được để trống hay bắt đầu, kết thúc bằng dấu nháy đơn (\').')
      .optional(),
    fileName: z.string().min(1).max(120),
    columns: z
      .array(z.object({ header: z.string().min(1).max(200), format: z.enum(['text', 'integer', 'percent', 'date']) }))
      .min(1)
      .max(50),
    rows: z.array(z.array(Cell).max(50)).max(20_000),
  })
  .meta({ id: 'DashboardTable' });

export type TrendDto = z.infer<typeof TrendSchema>;
export type RankingDto = z.infer<typeof RankingSchema>;
export type DistributionDto = z.infer<typeof DistributionSchema>;
export type TableXlsxBody = z.infer<typeof TableXlsxBodySchema>;
