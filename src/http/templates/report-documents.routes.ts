import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_FORMATS, exportReport } from '../../services/reports/export-report';
import { getReportDocument, updateReportDocument, type ReportDocument } from '../../services/reports/report-document';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { errorResponses, fileResponses, Id } from '../schemas';

/** The shapes are checked by the service (DocumentMetaSchema, NarrativeSchema) with Vietnamese messages naming the field. */
export const ReportDocumentSchema = z
  .object({
    reportId: z.number(),
    meta: z.record(z.string(), z.unknown()).describe('Thông tin văn bản: cơ quan, số, ký hiệu, nơi và ngày, kính gửi, trích yếu, người ký, nơi nhận'),
    narrative: z.record(z.string(), z.unknown()).describe('Nội dung: preamble, sections (đoạn tự viết và đoạn sinh từ số liệu), closing'),
    saved: z.boolean().describe('false: chưa lưu, đây là giá trị mặc định'),
    updatedAt: z.string().nullable().describe('Lúc lưu gần nhất (để hiển thị; không dùng để so phiên bản)'),
    revision: z.number().int().describe('Số phiên bản của văn bản (0: chưa lưu lần nào); gửi lại trong expectedRevision khi lưu'),
  })
  .meta({ id: 'ReportDocument' });

export const ReportDocumentUpdateSchema = z.object({
  meta: z.record(z.string(), z.unknown()).optional(),
  narrative: z.record(z.string(), z.unknown()).optional(),
  expectedRevision: z
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .optional()
    .describe('revision của văn bản khi người dùng mở ra (0 nếu chưa lưu lần nào); nếu đã có lần lưu khác sau đó, trả 409 và không lưu'),
  expectedUpdatedAt: z
    .never({ error: 'Không còn dùng "expectedUpdatedAt": hãy gửi "expectedRevision" (số phiên bản của văn bản khi mở).' })
    .optional()
    .describe('Đã bỏ: dùng expectedRevision'),
});

const present = (doc: ReportDocument) => ({ ...doc, meta: { ...doc.meta }, narrative: { ...doc.narrative } });

export function reportDocumentsRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    const params = z.object({ reportId: Id });

    app.get(
      '/api/reports/:reportId/document',
      {
        schema: {
          tags: ['Báo cáo'],
          summary: 'Văn bản báo cáo: thông tin văn bản và nội dung (mặc định từ đơn vị, kỳ và báo cáo kỳ trước)',
          params,
          response: { 200: ReportDocumentSchema, ...errorResponses },
        },
      },
      async (request) => present(await getReportDocument(store, requireUser(request), request.params.reportId)),
    );

    app.put(
      '/api/reports/:reportId/document',
      {
        schema: {
          tags: ['Báo cáo'],
          summary: 'Lưu thông tin văn bản và/hoặc nội dung của báo cáo nháp (cần X-CSRF-Token)',
          params,
          body: ReportDocumentUpdateSchema,
          response: { 200: ReportDocumentSchema, ...errorResponses },
        },
      },
      async (request) => present(await updateReportDocument(store, requireUser(request), request.params.reportId, request.body)),
    );

    app.get(
      '/api/reports/:reportId/export',
      {
        schema: {
          tags: ['Báo cáo'],
          summary: 'Tải văn bản báo cáo: DOCX (thể thức Nghị định 30/2020), XLSX (phụ lục) hoặc PDF (cần LibreOffice trên máy chủ)',
          params,
          querystring: z.object({ format: z.enum(EXPORT_FORMATS).default('docx') }),
          response: fileResponses,
        },
      },
      async (request, reply) => {
        const file = await exportReport(store, requireUser(request), request.params.reportId, request.query.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.buffer);
      },
    );
  };
}
