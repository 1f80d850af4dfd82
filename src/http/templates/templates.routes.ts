import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkReport, shippedTemplates } from '../../services/templates/check-report';
import { notFound } from '../../services/errors';
import { requireUser } from '../auth/request-auth';
import { errorResponses, Id } from '../schemas';
import type { Template } from '../../domain/templates/template';
import type { Store } from '../../store/store';
import { templatesForUnit } from '../../services/templates/templates-for-unit';
import { FINDING_SEVERITIES } from '../../domain/templates/validate';

export const FindingSchema = z
  .object({
    row: z.string(),
    code: z.string().nullable(),
    rule: z.string(),
    severity: z.enum(FINDING_SEVERITIES).describe('error: chặn việc gửi; warning: cần lời giải trình; information: chỉ để biết, không chặn'),
    message: z.string().describe('Nội dung, không nhắc lại tên dòng (dòng ở row, code)'),
    reported: z.string().nullable(),
    expected: z.string().nullable(),
  })
  .meta({ id: 'Finding' });

const summary = (t: Template) => ({
  id: t.id,
  version: t.version,
  title: t.title,
  issuer: t.issuer,
  cutoff: t.cutoff,
  periods: t.periods,
  levels: t.levels,
  provinces: t.provinces ?? null,
  rows: t.rows.length,
});

export function templatesRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/templates',
      {
        schema: {
          tags: ['Biểu mẫu'],
          summary: 'Các biểu mẫu báo cáo; với unitId: chỉ các biểu mẫu của tỉnh của đơn vị, cho cấp của đơn vị hoặc cấp dưới',
          querystring: z.object({ unitId: Id.optional().describe('đơn vị xem biểu mẫu (thường là đơn vị của người dùng)') }),
          response: {
            200: z.object({
              templates: z.array(
                z.object({
                  id: z.string(),
                  version: z.string(),
                  title: z.string(),
                  issuer: z.string(),
                  cutoff: z.string(),
                  periods: z.array(z.string()),
                  levels: z.array(z.string()),
                  provinces: z.array(z.string()).nullable().describe('mã các tỉnh dùng biểu mẫu; null: mọi tỉnh'),
                  rows: z.number(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const templates = request.query.unitId ? await templatesForUnit(store, user, request.query.unitId) : [...shippedTemplates().values()];
        return { templates: templates.map(summary) };
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
