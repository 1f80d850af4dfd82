import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { computeDossierStats } from '../../services/dossiers/compute-dossier-stats';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { errorResponses, Id, IsoDate, UnitSchema } from '../schemas';

const RateSchema = z.object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number() });
const StatsSchema = z
  .object({
    received: z.object({
      carried_over: z.number(),
      in_period: z.number(),
      direct: z.number(),
      online: z.number(),
      postal: z.number(),
      online_full: z.number(),
      online_partial: z.number(),
      total: z.number(),
    }),
    resolved: z.object({ total: z.number(), early: z.number(), on_time: z.number(), late: z.number() }),
    pending: z.object({ total: z.number(), in_time: z.number(), overdue: z.number(), paused: z.number() }),
    returned: z.number(),
    withdrawn: z.number(),
    digitized: z.object({ input: z.number(), output: z.number() }),
    payment: z.object({ with_fee: z.number(), online: z.number() }),
    rating: z.object({ total: z.number(), very_satisfied: z.number(), satisfied: z.number(), unsatisfied: z.number() }),
    rates: z.record(z.string(), RateSchema),
  })
  .meta({ id: 'DossierStats' });

export function statsRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/stats',
      {
        schema: {
          tags: ['Thống kê'],
          summary: 'Thống kê hồ sơ một cửa của một đơn vị (gồm đơn vị trực thuộc) từ ngày đến ngày (tính cả hai đầu); định nghĩa trong docs/metrics.md',
          querystring: z.object({
            unitId: Id,
            from: IsoDate,
            to: IsoDate,
            by: z.enum(['field', 'procedure', 'unit']).optional(),
          }),
          response: {
            200: z.object({
              unit: UnitSchema,
              from: z.string(),
              to: z.string(),
              stocksOn: z.string(),
              unitCount: z.number(),
              stats: StatsSchema,
              groups: z.array(z.object({ key: z.string(), label: z.string(), stats: StatsSchema })).optional(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const result = await computeDossierStats(store, user, request.query);
        return { ...result, unit: presentUnit(result.unit) };
      },
    );
  };
}
