import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkReport, shippedTemplates } from '../../services/templates/check-report';
import { notFound } from '../../services/errors';
import { requireUser } from '../auth/request-auth';
import { errorResponses } from '../schemas';

const FindingSchema = z
  .object({
    row: z.string(),
    code: z.string().nullable(),
    rule: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    reported: z.string().nullable(),
    expected: z.string().nullable(),
  })
  .meta({ id: 'Finding' });

export function templatesRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/templates',
      {
        schema: {
          tags: ['Biểu mẫu'],
          summary: 'Các biểu mẫu báo cáo',
          response: {
            200: z.object({
              templates: z.array(z.object({ id: z.string(), version: z.string(), title: z.string(), issuer: z.string(), cutoff: z.string(), periods: z.array(z.string()), levels: z.array(z.string()), rows: z.number() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireUser(request);
        return {
          templates: [...shippedTemplates().values()].map((t) => ({ id: t.id, version: t.version, title: t.title, issuer: t.issuer, cutoff: t.cutoff, periods: t.periods, levels: t.levels, rows: t.rows.length })),
        };
      },
    );

    app.get(
      '/api/templates/:templateId',
      {
        schema: {
          tags: ['Biểu mẫu'],
          summary: 'Một biểu mẫu với các dòng theo thứ tự in',
          params: z.object({ templateId: z.string() }),
          response: { 200: z.looseObject({ id: z.string(), version: z.string(), rows: z.array(z.looseObject({ id: z.string() })) }), ...errorResponses },
        },
      },
      async (request) => {
        requireUser(request);
        const template = shippedTemplates().get(request.params.templateId);
        if (!template) throw notFound(`Không có biểu mẫu "${request.params.templateId}".`);
        const { byId: _byId, rows, ...rest } = template;
        return { ...rest, rows: rows.map((row) => ({ ...row })) };
      },
    );

    app.post(
      '/api/reports/check',
      {
        schema: {
          tags: ['Biểu mẫu'],
          summary: 'Kiểm tra số liệu một báo cáo (định dạng trao đổi) theo biểu mẫu — cần X-CSRF-Token',
          body: z.looseObject({ template: z.string(), values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])) }),
          response: {
            200: z.object({ template: z.object({ id: z.string(), version: z.string(), title: z.string() }), findings: z.array(FindingSchema), problems: z.array(z.string()) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireUser(request);
        return checkReport(request.body);
      },
    );
  };
}
