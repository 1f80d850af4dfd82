import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { computeReport, getReport, updateReportValues, type ReportView } from '../../services/reports/compute-report';
import { browseReports, MAX_PAGE_SIZE } from '../../services/reports/browse-reports';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { BodyId, errorResponses, Id, UnitSchema } from '../schemas';
import { REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, REPORT_STATUSES, TRANSITION_ACTIONS } from '../../domain/reports/workflow';
import type { ReportEventRecord } from '../../store/repositories/reports.repository';
import { FindingSchema } from './templates.routes';

const ValueSchema = z.object({
  rowId: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  provenance: z.enum(['computed', 'entered', 'overridden']),
  computed: z.number().nullable(),
  reason: z.string().nullable(),
  parts: z.object({ numerator: z.number(), denominator: z.number() }).nullable(),
});

export const ReportEventSchema = z
  .object({
    id: z.number(),
    at: z.string(),
    userName: z.string().nullable(),
    action: z.enum(TRANSITION_ACTIONS),
    actionLabel: z.string(),
    fromStatus: z.string(),
    toStatus: z.string(),
    comment: z.string().nullable(),
    correction: z.number(),
    earlyReason: z.string().nullable().describe('Gửi trước khi hết kỳ lấy số liệu: lý do đơn vị ghi'),
  })
  .meta({ id: 'ReportEvent' });

const ReportValueText = z.union([z.number(), z.string(), z.null()]);

export const ReviewAttentionSchema = z
  .object({
    early: z.object({ reason: z.string(), windowTo: z.string(), at: z.string() }).nullable().describe('Báo cáo gửi trước khi hết kỳ lấy số liệu, với lý do'),
    overrides: z.array(z.object({ rowId: z.string(), label: z.string(), value: ReportValueText, computed: z.number().nullable(), reason: z.string() })).describe('Số liệu tự động đã được sửa tay, với lý do'),
    justified: z.array(z.object({ rowId: z.string(), label: z.string(), rule: z.string(), message: z.string(), text: z.string() })).describe('Cảnh báo đã có lời giải trình'),
    notApplicable: z.array(z.object({ rowId: z.string(), label: z.string() })).describe('Dòng bắt buộc được ghi "không phát sinh"'),
  })
  .meta({ id: 'ReviewAttention' });

export const ReportSchema = z
  .object({
    id: z.number(),
    unit: UnitSchema,
    templateId: z.string(),
    templateVersion: z.string(),
    templateTitle: z.string(),
    periodId: z.string(),
    windowFrom: z.string(),
    windowTo: z.string(),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    revision: z.number().describe('Phiên bản hiện tại; gửi lại trong expectedRevision khi sửa để không ghi đè thay đổi của người khác'),
    correction: z.number().describe('Số lần mở lại để đính chính sau khi đã duyệt'),
    submittedAt: z.string().nullable(),
    firstSubmittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    actions: z.array(z.object({ action: z.string(), label: z.string() })).describe('Các thao tác người dùng hiện tại được phép làm'),
    events: z.array(ReportEventSchema),
    values: z.array(ValueSchema),
    findings: z.array(FindingSchema),
    justifications: z.array(z.object({ rule: z.string(), rowId: z.string(), text: z.string() })),
    attention: ReviewAttentionSchema.describe('Những điểm người duyệt cần xem: gửi sớm, số liệu sửa tay, cảnh báo đã giải trình, dòng bắt buộc ghi không phát sinh'),
  })
  .meta({ id: 'Report' });

export const presentEvent = (e: ReportEventRecord) => ({
  id: e.id,
  at: e.at,
  userName: e.userName,
  action: e.action,
  actionLabel: REPORT_ACTION_LABELS[e.action],
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  comment: e.comment,
  correction: e.correction,
  earlyReason: e.earlyReason ?? null,
});

export const presentReport = (view: ReportView) => ({
  id: view.report.id,
  unit: presentUnit(view.unit),
  templateId: view.report.templateId,
  templateVersion: view.report.templateVersion,
  templateTitle: view.template.title,
  periodId: view.report.periodId,
  windowFrom: view.report.windowFrom,
  windowTo: view.report.windowTo,
  status: view.report.status,
  statusLabel: REPORT_STATUS_LABELS[view.report.status],
  revision: view.report.revision,
  correction: view.report.correction,
  submittedAt: view.report.submittedAt,
  firstSubmittedAt: view.report.firstSubmittedAt,
  approvedAt: view.report.approvedAt,
  actions: view.actions.map((action) => ({ action, label: REPORT_ACTION_LABELS[action] })),
  events: view.events.map(presentEvent),
  values: [...view.values].map(([rowId, v]) => ({ rowId, value: v.value, provenance: v.provenance, computed: v.computed, reason: v.reason, parts: v.parts ?? null })),
  findings: view.findings.map((f) => ({ ...f })),
  justifications: view.justifications,
  attention: view.attention,
});

export function reportsRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/reports',
      {
        schema: {
          tags: ['Báo cáo'],
          summary: 'Các báo cáo của một đơn vị và đơn vị trực thuộc, lọc theo biểu mẫu, kỳ, trạng thái; phân trang',
          querystring: z.object({
            unitId: Id.describe('đơn vị: với cán bộ thẩm định và quản trị, gồm mọi đơn vị trực thuộc'),
            templateId: z.string().max(80).optional(),
            periodId: z.string().max(20).optional().describe('kỳ báo cáo, như 2026-Q1'),
            status: z.enum(REPORT_STATUSES).optional(),
            page: z.coerce.number().int().min(1).max(100_000).optional(),
            pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional().describe(`số báo cáo mỗi trang (tối đa ${MAX_PAGE_SIZE}); bỏ trống: tất cả`),
          }),
          response: {
            200: z.object({
              reports: z.array(
                z.object({
                  id: z.number(),
                  unitId: z.number(),
                  unitName: z.string(),
                  templateId: z.string(),
                  periodId: z.string(),
                  status: z.string(),
                  revision: z.number(),
                  windowFrom: z.string(),
                  windowTo: z.string(),
                }),
              ),
              total: z.number().describe('số báo cáo khớp bộ lọc'),
              page: z.number(),
              pageSize: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const result = await browseReports(store, requireUser(request), request.query);
        return {
          reports: result.items.map(({ id, unitId, unitName, templateId, periodId, status, revision, windowFrom, windowTo }) => ({ id, unitId, unitName, templateId, periodId, status, revision, windowFrom, windowTo })),
          total: result.total,
          page: result.page,
          pageSize: result.pageSize,
        };
      },
    );

    app.post(
      '/api/reports',
      {
        schema: {
          tags: ['Báo cáo'],
          summary: 'Lập (hoặc tính lại) báo cáo của đơn vị cho một kỳ theo biểu mẫu — số liệu lấy từ hồ sơ (cần X-CSRF-Token)',
          body: z.object({ unitId: BodyId, templateId: z.string(), periodId: z.string() }),
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) => presentReport(await computeReport(store, requireUser(request), request.body)),
    );

    app.get(
      '/api/reports/:reportId',
      {
        schema: {
          tags: ['Báo cáo'],
          summary: 'Một báo cáo: giá trị với nguồn gốc, kết quả kiểm tra, lời giải trình',
          params: z.object({ reportId: Id }),
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) => presentReport(await getReport(store, requireUser(request), request.params.reportId)),
    );

    app.patch(
      '/api/reports/:reportId/values',
      {
        schema: {
          tags: ['Báo cáo'],
          summary: 'Nhập/sửa số liệu của báo cáo nháp; sửa số tự động cần lý do (cần X-CSRF-Token)',
          params: z.object({ reportId: Id }),
          body: z.object({
            changes: z.array(z.object({ rowId: z.string(), value: z.union([z.number(), z.string(), z.null()]), reason: z.string().nullable().optional() })),
            justifications: z.array(z.object({ rule: z.string(), rowId: z.string(), text: z.string() })).optional(),
            expectedRevision: z.number().int().optional().describe('Phiên bản báo cáo người dùng đang xem; nếu người khác đã sửa cùng dòng, trả 409'),
          }),
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) => presentReport(await updateReportValues(store, requireUser(request), request.params.reportId, request.body)),
    );
  };
}
