import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate } from '../../services/auth/sessions';
import type { SessionUser } from '../../services/auth/session-user';
import { forbidden, unauthorized } from '../../services/errors';
import type { Store } from '../../store/store';

export const SESSION_COOKIE = 'cchc_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: { user: SessionUser; csrfToken: string } | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes that may change state without a session (there is no token to check yet). */
const NO_CSRF = new Set(['/api/auth/login']);

/** The host an Origin header names; null for "null" (a sandboxed or file page) and anything unreadable. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host || null;
  } catch {
    return null;
  }
}

/**
 * Resolves the session cookie on every request, and guards every state-changing API call:
 * a cross-site Origin is refused, and a signed-in call must echo the session's CSRF token.
 */
export function registerRequestAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.auth = token ? await authenticate(store, token) : null;
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (origin !== undefined && originHost(origin) !== request.headers.host) {
      throw forbidden('Yêu cầu từ trang web khác bị từ chối.');
    }
    if (NO_CSRF.has(request.url.split('?')[0]!)) return;
    if (!request.auth) throw unauthorized();
    if (request.headers[CSRF_HEADER] !== request.auth.csrfToken) {
      throw forbidden('Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang.');
    }
  });
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.auth) throw unauthorized();
  return request.auth.user;
}
