import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERIOD_KINDS } from '../../domain/templates/template';
import { TRANSITION_ACTIONS } from '../../domain/reports/workflow';
import { formatDateVi } from '../../domain/text/iso-date';
import { remindersXlsx } from '../../export/reminders-xlsx';
import { rollupWorkbook } from '../../export/rollup-xlsx';
import { completeness, reminderList } from '../../services/reports/completeness';
import { inbox } from '../../services/reports/inbox';
import { listObligations, setObligation } from '../../services/reports/obligations';
import { approveMany, previewApproveMany, reportHistory, transitionReport } from '../../services/reports/report-workflow';
import { checkSubmission } from '../../services/reports/submission-check';
import { getStaleData } from '../../services/reports/stale-data';
import { changesSinceReturn } from '../../services/reports/changes-since-return';
import { importReportFile } from '../../services/reports/import-report-file';
import { CHECKLIST_KINDS } from '../../domain/reports/submission-checklist';
import { computeRollup, rollupDiscrepancies, unitNamer, type Rollup } from '../../services/reports/rollup';
import { coverageText } from '../../domain/reports/rollup';
import { todayInVietnam } from '../../domain/calendar/date-time';
import { fileNamePart } from '../../services/reports/export-report';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { presentUnit } from '../presenters';
import { BodyId, errorResponses, fileResponses, Id, UnitSchema } from '../schemas';
import { presentReport, ReportSchema } from '../templates/reports.routes';

const reportParams = z.object({ reportId: Id });
const periodIdsParam = z
  .string()
  .min(1)
  .transform((text) => text.split(',').map((p) => p.trim()).filter(Boolean))
  .describe('Các kỳ, cách nhau bằng dấu phẩy: 2026-Q1,2026-Q2');

const RollupQuery = z.object({
  unitId: Id,
  templateId: z.string().min(1),
  periodId: z.string().min(1),
  basis: z.enum(['approved', 'submitted']).default('approved').describe('approved: chỉ báo cáo đã duyệt; submitted: cả báo cáo đã gửi chờ duyệt'),
});

const RolledValueSchema = z.object({
  rowId: z.string(),
  method: z.enum(['sum', 'recompute', 'count_by_option', 'count_units', 'none']),
  value: z.union([z.number(), z.string(), z.null()]),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  options: z.array(z.object({ option: z.string(), label: z.string(), count: z.number() })).nullable(),
  answered: z.number(),
  coverage: z
    .object({
      counted: z.number().describe('Số đơn vị có số liệu trong dòng này'),
      expected: z.number().describe('Số đơn vị phải báo cáo'),
      notApplicable: z.number().describe('Số đơn vị ghi "không phát sinh" (không cộng, không tính vào mẫu số)'),
      leftOut: z.array(z.object({ unitId: z.number(), unitName: z.string(), reason: z.string() })).describe('Đơn vị có báo cáo nhưng không tính vào dòng này (thiếu tử số hoặc mẫu số…) và lý do'),
    })
    .describe('Phạm vi của số liệu tổng hợp'),
  coverageText: z.string().describe('Phạm vi như in: "12/15 đơn vị; không phát sinh: 1 đơn vị; không tính: …"'),
  note: z.string().nullable(),
  contributions: z.array(
    z.object({
      unitId: z.number(),
      value: z.union([z.number(), z.string(), z.null()]),
      parts: z.object({ numerator: z.number(), denominator: z.number() }).nullable(),
      status: z.enum(['counted', 'not_applicable', 'left_out']),
      leftOut: z.string().nullable(),
    }),
  ),
});

const RollupSchema = z
  .object({
    unit: UnitSchema,
    templateId: z.string(),
    templateTitle: z.string(),
    periodId: z.string(),
    periodLabel: z.string(),
    window: z.object({ from: z.string(), to: z.string() }),
    basis: z.enum(['approved', 'submitted']),
    units: z.array(z.object({ unit: UnitSchema, reportId: z.number().nullable(), status: z.string().nullable(), included: z.boolean(), source: z.enum(['current', 'last_approved']).nullable() })),
    values: z.array(RolledValueSchema),
  })
  .meta({ id: 'Rollup' });

const presentRollup = (r: Rollup, nameOf = unitNamer(r)) => ({
  unit: presentUnit(r.unit),
  templateId: r.template.id,
  templateTitle: r.template.title,
  periodId: r.periodId,
  periodLabel: r.periodLabel,
  window: r.window,
  basis: r.basis,
  units: r.units.map((u) => ({ unit: presentUnit(u.unit), reportId: u.reportId, status: u.status, included: u.included, source: u.source })),
  values: [...r.values.values()].map((v) => ({
    ...v,
    coverage: { ...v.coverage, leftOut: v.coverage.leftOut.map((l) => ({ ...l, unitName: nameOf(l.unitId) })) },
    coverageText: coverageText(v.coverage, nameOf),
  })),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportWorkflowRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/reports/:reportId/transitions',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary:
            'Gửi, gửi lại, trả lại (cần lý do), duyệt, mở lại để đính chính (cần lý do) — cần X-CSRF-Token. Gửi bị từ chối (400, details.checklist) khi báo cáo chưa đủ: xem GET …/submission-check',
          params: reportParams,
          body: z.object({
            action: z.enum(TRANSITION_ACTIONS),
            comment: z.string().max(4000).nullable().optional(),
            expectedRevision: z.number().int().optional(),
            earlyReason: z.string().max(4000).nullable().optional().describe('Lý do gửi trước khi hết kỳ lấy số liệu (bắt buộc khi đó; ghi vào quá trình gửi và duyệt)'),
          }),
          response: { 200: ReportSchema, ...errorResponses },
        },
      },
      async (request) =>
        presentReport(await transitionReport(store, requireUser(request), request.params.reportId, request.body.action, request.body)),
    );

    const ReportIds = z.array(BodyId).min(1).max(500);

    app.post(
      '/api/reports/approve-many/preview',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Trước khi duyệt nhiều báo cáo: từng báo cáo với lý do cần xem riêng (gửi sớm, số liệu sửa tay, dòng bắt buộc ghi không phát sinh) — cần X-CSRF-Token',
          body: z.object({ reportIds: ReportIds }),
          response: {
            200: z.object({ reports: z.array(z.object({ reportId: z.number(), unitName: z.string(), periodId: z.string(), reasons: z.array(z.string()) })) }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ reports: await previewApproveMany(store, requireUser(request), request.body.reportIds) }),
    );

    app.post(
      '/api/reports/approve-many',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary:
            'Duyệt nhiều báo cáo cùng lúc; mỗi báo cáo thành công hay không là riêng. confirmedCount phải bằng số báo cáo; báo cáo cần xem riêng chỉ được duyệt khi có trong confirmedFlagged — cần X-CSRF-Token',
          body: z.object({
            reportIds: ReportIds,
            comment: z.string().max(4000).nullable().optional(),
            confirmedCount: z.number().int().min(0).describe('Số báo cáo người duyệt đã xác nhận (bằng số báo cáo trong reportIds)'),
            confirmedFlagged: z.array(BodyId).max(500).optional().describe('Các báo cáo cần xem riêng mà người duyệt vẫn xác nhận duyệt'),
          }),
          response: {
            200: z.object({ outcomes: z.array(z.object({ reportId: z.number(), ok: z.boolean(), message: z.string(), needsReview: z.boolean().optional() })) }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ outcomes: await approveMany(store, requireUser(request), request.body.reportIds, request.body) }),
    );

    app.get(
      '/api/reports/:reportId/submission-check',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Danh sách việc còn thiếu trước khi gửi: dòng bắt buộc chưa có số liệu, mục chưa có nội dung, ngày ban hành và người ký, lỗi, cảnh báo chưa giải trình, gửi sớm',
          params: reportParams,
          querystring: z.object({ earlyReason: z.string().max(4000).optional() }),
          response: {
            200: z.object({
              ready: z.boolean(),
              early: z.boolean().describe('Kỳ lấy số liệu chưa kết thúc: gửi cần lý do'),
              windowTo: z.string(),
              items: z.array(z.object({ kind: z.enum(CHECKLIST_KINDS), target: z.string(), label: z.string(), message: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => checkSubmission(store, requireUser(request), request.params.reportId, request.query.earlyReason),
    );

    const ChangeValue = z.union([z.number(), z.string(), z.null()]);
    app.get(
      '/api/reports/:reportId/stale-data',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary:
            'Số liệu từ hồ sơ đã thay đổi sau khi tính báo cáo (hồ sơ nhập hoặc cập nhật sau đó): từng chỉ tiêu với số trong báo cáo và số tính lại từ hồ sơ hiện có; rỗng khi không có gì thay đổi',
          params: reportParams,
          response: {
            200: z.object({
              figures: z.array(z.object({ rowId: z.string(), before: ChangeValue, after: ChangeValue })),
              lines: z.array(z.string()).describe('"3.2.4. Tổng số hồ sơ TTHC đã tiếp nhận: 15 → 18"'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => getStaleData(store, requireUser(request), request.params.reportId),
    );

    app.get(
      '/api/reports/:reportId/changes-since-return',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Những gì đã thay đổi so với bản bị trả lại: số liệu (trước → sau) và văn bản (từng mục, từng trường); changes null khi báo cáo chưa bị trả lại lần nào',
          params: reportParams,
          response: {
            200: z.object({
              changes: z
                .object({
                  returnedAt: z.string(),
                  comment: z.string().nullable(),
                  comparedWith: z.enum(['submitted', 'current']),
                  values: z.array(z.object({ rowId: z.string(), label: z.string(), before: ChangeValue, after: ChangeValue })),
                  text: z.array(z.object({ target: z.string(), label: z.string(), before: z.string(), after: z.string() })).nullable(),
                })
                .nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ changes: await changesSinceReturn(store, requireUser(request), request.params.reportId) }),
    );

    app.post(
      '/api/reports/import',
      {
        schema: {
          tags: ['Báo cáo'],
          summary:
            'Nhập số liệu (và khi có: meta, narrative, notes) từ tệp trao đổi (docs/interchange.md) vào báo cáo nháp hoặc bị trả lại của đơn vị — cần X-CSRF-Token',
          body: z.looseObject({ template: z.string(), values: z.record(z.string(), z.unknown()) }).describe('Tệp trao đổi: template, unit, period, values, notes, meta, narrative'),
          response: {
            200: z.object({
              report: ReportSchema,
              created: z.boolean(),
              changed: z.array(z.string()),
              overridden: z.array(z.string()),
              justified: z.number(),
              documentSaved: z.boolean(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { view, ...summary } = await importReportFile(store, requireUser(request), request.body);
        return { report: presentReport(view), ...summary };
      },
    );

    app.get(
      '/api/reports/:reportId/history',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Nhật ký thay đổi số liệu của báo cáo: ai, khi nào, dòng nào, trước và sau',
          params: reportParams,
          response: {
            200: z.object({
              entries: z.array(z.object({ revision: z.number(), at: z.string(), userName: z.string().nullable(), action: z.string(), changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })) })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const entries = await reportHistory(store, requireUser(request), request.params.reportId);
        return { entries: entries.map((e) => ({ revision: e.revision, at: e.at, userName: e.userName, action: e.action, changes: (e.changes ?? {}) as Record<string, { before: unknown; after: unknown }> })) };
      },
    );

    app.get(
      '/api/inbox',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Việc cần làm: báo cáo đến hạn, bị trả lại (cán bộ); báo cáo chờ duyệt (thẩm định)',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  kind: z.enum(['due', 'returned', 'review', 'stale']).describe('stale: báo cáo đã duyệt có số liệu từ hồ sơ đã thay đổi sau đó (mở lại để đính chính)'),
                  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
                  templateId: z.string(),
                  templateTitle: z.string(),
                  periodId: z.string(),
                  periodLabel: z.string(),
                  deadline: z.string().nullable(),
                  timeliness: z.string().nullable(),
                  reportId: z.number().nullable(),
                  status: z.string().nullable(),
                  comment: z.string().nullable(),
                  submittedAt: z.string().nullable(),
                  staleFigures: z.array(z.string()).optional().describe('Chỉ tiêu tính từ hồ sơ đã thay đổi sau khi tính báo cáo: "…: 15 → 18"'),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ items: await inbox(store, requireUser(request)) }),
    );

    const ObligationSchema = z.object({
      id: z.number(),
      unit: UnitSchema,
      templateId: z.string(),
      templateTitle: z.string(),
      periodKinds: z.array(z.enum(PERIOD_KINDS)),
      deadlineDays: z.number(),
    });

    app.get(
      '/api/obligations',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Nghĩa vụ báo cáo: biểu mẫu, loại kỳ và hạn gửi (số ngày sau ngày chốt số liệu)',
          response: { 200: z.object({ obligations: z.array(ObligationSchema) }), ...errorResponses },
        },
      },
      async (request) => ({ obligations: (await listObligations(store, requireUser(request))).map((o) => ({ ...o, unit: presentUnit(o.unit) })) }),
    );

    app.put(
      '/api/obligations',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Giao (hoặc sửa) nghĩa vụ báo cáo cho các đơn vị trực thuộc — cần X-CSRF-Token',
          body: z.object({ unitId: BodyId, templateId: z.string(), periodKinds: z.array(z.enum(PERIOD_KINDS)), deadlineDays: z.number().int() }),
          response: { 200: ObligationSchema, ...errorResponses },
        },
      },
      async (request) => {
        const o = await setObligation(store, requireUser(request), request.body);
        return { ...o, unit: presentUnit(o.unit) };
      },
    );

    const CompletenessQuery = z.object({
      unitId: Id,
      templateId: z.string().min(1),
      periodIds: periodIdsParam,
    });
    const Totals = z.object({
      expected: z.number(),
      received: z.number(),
      onTime: z.number(),
      late: z.number(),
      overdue: z.number(),
      returned: z.number(),
      approved: z.number(),
      receivedPct: z.number().nullable(),
      onTimePct: z.number().nullable(),
    });

    app.get(
      '/api/completeness',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Tình hình nộp báo cáo: đơn vị × kỳ (đúng hạn, trễ hạn, chưa gửi, bị trả lại) và tỷ lệ',
          querystring: CompletenessQuery,
          response: {
            200: z.object({
              template: z.object({ id: z.string(), title: z.string() }),
              obligation: z.object({ setBy: UnitSchema.nullable(), deadlineDays: z.number(), periodKinds: z.array(z.string()) }).describe('setBy null: chưa giao nghĩa vụ, dùng kỳ và hạn mặc định của biểu mẫu'),
              periods: z.array(z.object({ periodId: z.string(), label: z.string(), from: z.string(), to: z.string(), deadline: z.string() })),
              units: z.array(UnitSchema),
              cells: z.array(
                z.object({
                  unitId: z.number(),
                  periodId: z.string(),
                  state: z.string(),
                  stateLabel: z.string(),
                  timeliness: z.string(),
                  timelinessLabel: z.string(),
                  reportId: z.number().nullable(),
                  submittedAt: z.string().nullable(),
                  deadline: z.string(),
                }),
              ),
              totals: Totals,
              byPeriod: z.array(Totals.extend({ periodId: z.string(), label: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const matrix = await completeness(store, requireUser(request), request.query);
        return { ...matrix, obligation: { ...matrix.obligation, setBy: matrix.obligation.setBy ? presentUnit(matrix.obligation.setBy) : null }, units: matrix.units.map(presentUnit) };
      },
    );

    app.get(
      '/api/completeness/reminders.xlsx',
      {
        schema: {
          tags: ['Gửi và duyệt báo cáo'],
          summary: 'Danh sách đơn vị cần đôn đốc gửi báo cáo (XLSX): đơn vị quá hạn, rồi đơn vị đến hạn trong số ngày đã chọn',
          querystring: CompletenessQuery.extend({
            withinDays: z.coerce.number().int().min(0).max(366).default(7).describe('đơn vị chưa đến hạn chỉ được liệt kê khi hạn gửi còn không quá số ngày này (mặc định 7)'),
          }),
          response: fileResponses,
        },
      },
      async (request, reply) => {
        const matrix = await completeness(store, requireUser(request), request.query);
        const today = todayInVietnam();
        const lines = reminderList(matrix, { today, withinDays: request.query.withinDays }).map(({ unit, period, cell }) => ({
          unitCode: unit.code,
          unitName: unit.name,
          periodLabel: period.label,
          deadline: cell.deadline,
          status: cell.stateLabel,
          timeliness: cell.timelinessLabel,
          daysOverdue: Math.max(0, Math.round((Date.parse(today) - Date.parse(cell.deadline)) / 86_400_000)),
        }));
        const buffer = await remindersXlsx({
          title: 'DANH SÁCH ĐƠN VỊ CẦN ĐÔN ĐỐC GỬI BÁO CÁO',
          subtitle: `${matrix.template.title} – đơn vị quá hạn và đến hạn trong ${request.query.withinDays} ngày tới – lập ngày ${formatDateVi(today)}`,
          lines,
        });
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="don-doc-bao-cao-${fileNamePart(matrix.template.id)}.xlsx"`)
          .send(buffer);
      },
    );

    app.get(
      '/api/rollup',
      {
        schema: {
          tags: ['Tổng hợp'],
          summary: 'Tổng hợp số liệu của đơn vị từ báo cáo của các đơn vị trực thuộc: cộng số đếm, tính lại tỷ lệ từ tử số và mẫu số, đếm theo phương án',
          querystring: RollupQuery,
          response: { 200: RollupSchema, ...errorResponses },
        },
      },
      async (request) => presentRollup(await computeRollup(store, requireUser(request), request.query)),
    );

    app.get(
      '/api/rollup/export.xlsx',
      {
        schema: {
          tags: ['Tổng hợp'],
          summary: 'Phụ lục tổng hợp (XLSX): cột tổng hợp rồi mỗi đơn vị một cột, số lưu dạng số',
          querystring: RollupQuery,
          response: fileResponses,
        },
      },
      async (request, reply) => {
        const rollup = await computeRollup(store, requireUser(request), request.query);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="tong-hop-${fileNamePart(rollup.unit.code)}-${fileNamePart(rollup.periodId)}.xlsx"`)
          .send(await rollupWorkbook(rollup));
      },
    );

    app.get(
      '/api/rollup/discrepancies',
      {
        schema: {
          tags: ['Tổng hợp'],
          summary: 'Đối chiếu: số liệu đơn vị báo cáo so với số tính trực tiếp từ hồ sơ, từng đơn vị và từng dòng',
          querystring: RollupQuery,
          response: {
            200: z.object({
              discrepancies: z.array(z.object({ unitId: z.number(), rowId: z.string(), reported: z.union([z.number(), z.string(), z.null()]), computed: z.number().nullable() })),
              computedTotal: z.array(z.object({ rowId: z.string(), rolledUp: z.union([z.number(), z.string(), z.null()]), computed: z.number().nullable() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const rollup = await computeRollup(store, requireUser(request), request.query);
        const result = await rollupDiscrepancies(store, rollup);
        return {
          discrepancies: result.discrepancies,
          computedTotal: [...result.computedTotal].map(([rowId, computed]) => ({ rowId, rolledUp: rollup.values.get(rowId)?.value ?? null, computed })),
        };
      },
    );
  };
}
