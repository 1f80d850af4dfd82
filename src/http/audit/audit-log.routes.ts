import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUDIT_CHANNEL_LABELS, AUDIT_OUTCOME_LABELS, auditActionLabel } from '../../domain/audit/audit-actions';
import { AUDIT_PAGE_MAX, readAuditLog } from '../../services/audit/read-audit-log';
import type { AuditRecord } from '../../store/repositories/audit.repository';
import type { Store } from '../../store/store';
import { requireUser } from '../auth/request-auth';
import { errorResponses, Id } from '../schemas';
import { AuditEventSchema, OUTCOMES, RealDate, type AuditEventDto } from './audit-log.schemas';

export function presentAuditEvent(e: AuditRecord): AuditEventDto {
  return {
    id: e.id,
    at: e.at,
    action: e.action,
    actionLabel: auditActionLabel(e.action),
    outcome: e.outcome,
    outcomeLabel: AUDIT_OUTCOME_LABELS[e.outcome],
    channel: e.channel,
    channelLabel: AUDIT_CHANNEL_LABELS[e.channel],
    status: e.status,
    subject: e.subject,
    details: e.details ?? null,
    actor: { username: e.actorUsername, name: e.actorName, role: e.actorRole, unit: e.actorUnit },
    unit: e.unit,
    method: e.method,
    route: e.route,
    requestId: e.requestId,
    ip: e.ip,
  };
}

export function auditLogRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit-log',
      {
        schema: {
          tags: ['Nhật ký hoạt động'],
          summary: 'Nhật ký hoạt động trong phạm vi đơn vị của quản trị viên, mới nhất trước',
          description:
            'Đăng nhập (cả lần sai), yêu cầu bị từ chối, mọi thay đổi dữ liệu và các lần tải tệp. Mỗi dòng giữ tên người ' +
            'thực hiện và đơn vị như lúc đó. Lọc theo đơn vị (cả các đơn vị cấp dưới), tên đăng nhập, thao tác (hoặc tiền tố ' +
            'kết thúc bằng dấu chấm, ví dụ "report."), kết quả, khoảng ngày; phân trang bằng beforeId.',
          querystring: z.object({
            unitId: Id.optional(),
            username: z.string().max(100).optional(),
            action: z.string().max(100).optional(),
            outcome: z.enum(OUTCOMES).optional(),
            from: RealDate.optional(),
            to: RealDate.optional(),
            beforeId: Id.optional(),
            limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
          }),
          response: { 200: z.object({ events: z.array(AuditEventSchema), nextBeforeId: z.number().int().nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const reader = requireUser(request);
        const page = await readAuditLog(store, reader, request.query);
        return { events: page.events.map(presentAuditEvent), nextBeforeId: page.nextBeforeId };
      },
    );
  };
}
