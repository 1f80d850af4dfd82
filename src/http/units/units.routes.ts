import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { browseUnits, getUnitDetail, getUnitSubtree } from '../../services/units/browse-units';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { errorResponses, Id, IsoDate, UnitNodeSchema, UnitSchema } from '../schemas';

const UnitIdParams = z.object({ unitId: Id });
const AsOfQuery = z.object({ asOf: IsoDate.optional() });

export function unitsRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/units',
      {
        schema: {
          tags: ['Đơn vị hành chính'],
          summary: 'Danh mục đơn vị: cấp tỉnh, đơn vị trực thuộc (parentId) hoặc tìm theo tên, có/không dấu (q)',
          querystring: z.object({
            parentId: Id.optional(),
            q: z.string().max(100).optional(),
            asOf: IsoDate.optional().describe('Chỉ lấy đơn vị còn hiệu lực vào ngày này'),
            withinId: Id.optional().describe('Chỉ tìm trong cây của đơn vị này'),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: { 200: z.object({ units: z.array(UnitNodeSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        const nodes = await browseUnits(store, request.query);
        return { units: nodes.map((node) => ({ ...presentUnit(node), childCount: node.childCount })) };
      },
    );

    app.get(
      '/api/units/:unitId',
      {
        schema: {
          tags: ['Đơn vị hành chính'],
          summary: 'Thông tin của một đơn vị (chỉ trong phạm vi được phân quyền)',
          params: UnitIdParams,
          querystring: AsOfQuery,
          response: {
            200: z.object({
              unit: UnitSchema,
              ancestors: z.array(UnitSchema),
              children: z.array(UnitNodeSchema),
              accounts: z.array(z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const detail = await getUnitDetail(store, user, request.params.unitId, request.query.asOf);
        return {
          unit: presentUnit(detail.unit),
          ancestors: detail.ancestors.map(presentUnit),
          children: detail.children.map((node) => ({ ...presentUnit(node), childCount: node.childCount })),
          accounts: detail.accounts,
        };
      },
    );

    app.get(
      '/api/units/:unitId/subtree',
      {
        schema: {
          tags: ['Đơn vị hành chính'],
          summary: 'Toàn bộ đơn vị trực thuộc (phạm vi của cán bộ thẩm định)',
          params: UnitIdParams,
          querystring: AsOfQuery,
          response: { 200: z.object({ units: z.array(UnitSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const units = await getUnitSubtree(store, user, request.params.unitId, request.query.asOf);
        return { units: units.map(presentUnit) };
      },
    );
  };
}
