import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { outcomeOfStatus } from '../../domain/audit/audit-actions';
import { normaliseUsername } from '../../domain/auth/login-throttle';
import { redactForAudit, visibleNul } from '../../domain/audit/redact';
import { subjectUnitOf } from '../../services/audit/subject-unit';
import { currentAuditScope, withAuditScope, type AuditScope } from '../../store/audit/audit-scope';
import type { Store } from '../../store/store';

/** The action each audited route stands for; a route not listed is recorded as "METHOD /route". */
export const ROUTE_ACTIONS: Readonly<Record<string, string>> = {
  'POST /api/auth/login': 'auth.login',
  'POST /api/auth/logout': 'auth.logout',
  'POST /api/users': 'users.add',
  'PATCH /api/users/:userId': 'users.update',
  'PUT /api/account/password': 'users.password.change',
  'POST /api/dossier-imports': 'dossiers.import.upload',
  'POST /api/dossier-imports/jobs/:jobId/cancel': 'dossiers.import.cancel',
  'GET /api/dossier-imports/:runId/rejected.xlsx': 'dossiers.import.rejected.download',
  'PUT /api/import-sources/:source': 'import-source.map',
  'POST /api/dossiers': 'dossier.create',
  'POST /api/dossiers/:dossierId/events': 'dossier.event',
  'POST /api/reports': 'report.create',
  'PATCH /api/reports/:reportId/values': 'report.values.save',
  'PUT /api/reports/:reportId/document': 'report.document.save',
  'GET /api/reports/:reportId/export': 'report.export',
  'POST /api/reports/:reportId/transitions': 'report.transition',
  'POST /api/reports/approve-many': 'report.approve-many',
  'POST /api/reports/import': 'report.import',
  'PUT /api/obligations': 'obligation.set',
  'PUT /api/calendar-overrides': 'calendar.override.set',
  'DELETE /api/calendar-overrides/:id': 'calendar.override.delete',
  'GET /api/completeness/reminders.xlsx': 'completeness.reminders.download',
  'GET /api/rollup/export.xlsx': 'rollup.export',
  'POST /api/dashboard/table.xlsx': 'dashboard.export',
  'POST /api/units/:unitId/procedures': 'unit-procedures.add',
  'PUT /api/units/:unitId/procedures/:entryId': 'unit-procedures.update',
  'DELETE /api/units/:unitId/procedures/:entryId': 'unit-procedures.delete',
  'POST /api/units/:unitId/procedures/import': 'unit-procedures.import',
  'POST /api/units/:unitId/registers/:register': 'register.add',
  'PUT /api/units/:unitId/registers/:register/:entryId': 'register.update',
  'DELETE /api/units/:unitId/registers/:register/:entryId': 'register.delete',
  'POST /api/units/:unitId/registers/:register/import': 'register.import',
  'GET /api/index766/against.xlsx': 'index766.against.download',
  'PUT /api/index766/inputs': 'index766.inputs.save',
};

const TRANSITIONS = new Set(['submit', 'resubmit', 'approve', 'return', 'reopen']);

/** A report transition is recorded as what it was (report.approve), so it can be filtered so. */
function specificAction(action: string | undefined, body: unknown): string | undefined {
  const verb = (body as { action?: unknown } | undefined)?.action;
  return action === 'report.transition' && typeof verb === 'string' && TRANSITIONS.has(verb) ? `report.${verb}` : action;
}

/** POST routes that compute without changing anything. */
export const READ_ONLY_POSTS = new Set(['/api/reports/check', '/api/reports/approve-many/preview']);

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    auditScope: AuditScope | null;
  }
}

const isDownload = (reply: FastifyReply) => /^attachment/i.test(String(reply.getHeader('content-disposition') ?? ''));

function errorOf(payload: unknown): { code?: string; message?: string } | undefined {
  if (typeof payload !== 'string' || !payload.startsWith('{"error"')) return undefined;
  try {
    const { code, message } = (JSON.parse(payload) as { error: { code?: string; message?: string } }).error;
    return { code, message };
  } catch {
    return undefined;
  }
}

/** Whether this answer belongs in the audit trail, and why. */
function shouldRecord(request: FastifyRequest, reply: FastifyReply, route: string | undefined): boolean {
  const status = reply.statusCode;
  // "Am I signed in?" on every page load of an anonymous visitor is not a refusal.
  if (request.method === 'GET' && route === '/api/auth/session' && status === 401) return false;
  if (status === 401 || status === 403) return true;
  if (UNSAFE.has(request.method)) {
    if (route && READ_ONLY_POSTS.has(route)) return false;
    // A use case that recorded its own row (in its transaction) said more than this hook can.
    return status >= 400 || !request.auditScope?.recorded;
  }
  return status < 400 && isDownload(reply);
}

/**
 * One hook for the whole API: every change (whatever its outcome), every refusal (401/403 of
 * signed-in and anonymous callers), every file download, with the actor, the route, its
 * parameters (secrets masked), the unit concerned and the outcome. Written before the answer
 * leaves, so an audited change is on record when the caller learns it succeeded.
 */
export function registerAuditTrail(app: FastifyInstance, store: Store): void {
  app.decorateRequest('auditScope', null);
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    withAuditScope({ channel: 'web', requestId: String(request.id), ip: request.ip, method: request.method, route: request.routeOptions.url ?? request.url.split('?')[0]! }, () => {
      request.auditScope = currentAuditScope() ?? null;
      done();
    });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.auditScope) return payload;
    const route = request.routeOptions.url;
    if (!shouldRecord(request, reply, route)) return payload;
    try {
      await recordRequest(store, request, reply, route, payload);
    } catch (error) {
      request.log.error({ err: error }, 'audit trail: could not record the request');
    }
    return payload;
  });
}

async function recordRequest(store: Store, request: FastifyRequest, reply: FastifyReply, route: string | undefined, payload: unknown): Promise<void> {
  const status = reply.statusCode;
  const key = `${request.method} ${route ?? request.url.split('?')[0]}`;
  const action = specificAction(ROUTE_ACTIONS[key], request.body) ?? (isDownload(reply) ? 'download' : key);
  const params = request.params && Object.keys(request.params as object).length > 0 ? request.params : undefined;
  const query = request.query && Object.keys(request.query as object).length > 0 ? request.query : undefined;
  const body = request.body;
  let userId = request.auth?.user.id ?? null;
  let actor: { username: string; name: string } | undefined;
  if (!request.auth && action === 'auth.login') {
    // A failed sign-in: the name typed (an account's, so its admins see it, or an unknown one).
    const typed = normaliseUsername(String((body as { username?: unknown } | undefined)?.username ?? '')).slice(0, 100);
    const account = typed && !typed.includes('\u0000') ? await store.users.findByUsername(typed) : undefined;
    userId = account?.id ?? null;
    if (!account) actor = { username: visibleNul(typed), name: visibleNul(typed) || '(không rõ)' };
  }
  const unitId = await subjectUnitOf(store, { params, body, query }).catch(() => undefined);
  const error = status >= 400 ? errorOf(payload) : undefined;
  const typedName = action === 'auth.login' && !request.auth ? String((body as { username?: unknown } | undefined)?.username ?? '').trim().slice(0, 100) : undefined;
  const subject = typedName !== undefined ? `tên đăng nhập "${typedName}"` : params ? Object.entries(params as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`).join(' ') : undefined;
  await store.audit.record({
    userId,
    ...(actor ? { actor } : {}),
    action,
    outcome: outcomeOfStatus(status),
    status,
    ...(subject ? { subject: visibleNul(subject) } : {}),
    ...(unitId !== undefined ? { unitId } : {}),
    details: redactForAudit({ ...(params ? { params } : {}), ...(query ? { query } : {}), ...(body !== undefined && body !== null ? { body } : {}), ...(error ? { error } : {}) }),
    channel: 'web',
    method: request.method,
    route: route ?? request.url.split('?')[0]!,
    requestId: String(request.id),
    ip: request.ip,
  });
}
