import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { LoginThrottle } from '../../domain/auth/login-throttle';
import { login, logout, SESSION_MAX_AGE_MS } from '../../services/auth/sessions';
import type { SessionUser } from '../../services/auth/session-user';
import type { Store } from '../../store/store';
import { presentUnit, presentUser } from '../presenters';
import { ErrorSchema, SessionSchema, type SessionDto } from '../schemas';
import { requireUser, SESSION_COOKIE } from './request-auth';

async function presentSession(store: Store, user: SessionUser, csrfToken: string): Promise<SessionDto> {
  const chain = await store.units.ancestors(user.unit.id);
  const province = user.unit.level === 'province' ? user.unit : (chain.find((u) => u.level === 'province') ?? null);
  const { active: _active, ...presented } = presentUser(user, user.unit);
  return { user: { ...presented, province: province && presentUnit(province) }, csrfToken };
}

export function authRoutes(store: Store, throttle: LoginThrottle, secureCookie: boolean): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['Đăng nhập'],
          summary: 'Đăng nhập, nhận cookie phiên và mã CSRF',
          body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
          response: { 200: SessionSchema, 400: ErrorSchema, 401: ErrorSchema, 429: ErrorSchema },
        },
      },
      async (request, reply) => {
        const session = await login(store, throttle, {
          username: request.body.username,
          password: request.body.password,
          clientKey: request.ip,
        });
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookie,
          maxAge: SESSION_MAX_AGE_MS / 1000,
        });
        return presentSession(store, session.user, session.csrfToken);
      },
    );

    app.get(
      '/api/auth/session',
      {
        schema: {
          tags: ['Đăng nhập'],
          summary: 'Phiên đăng nhập hiện tại và mã CSRF',
          response: { 200: SessionSchema, 401: ErrorSchema },
        },
      },
      async (request) => {
        const user = requireUser(request);
        return presentSession(store, user, request.auth!.csrfToken);
      },
    );

    app.post(
      '/api/auth/logout',
      {
        schema: {
          tags: ['Đăng nhập'],
          summary: 'Đăng xuất (cần tiêu đề X-CSRF-Token)',
          response: { 200: z.object({ ok: z.literal(true) }), 401: ErrorSchema, 403: ErrorSchema },
        },
      },
      async (request, reply) => {
        requireUser(request);
        await logout(store, request.cookies[SESSION_COOKIE]!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );
  };
}
