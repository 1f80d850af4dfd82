import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests } from '../services/errors';

export interface RateLimits {
  /** Requests a minute from one address (an office behind one router shares it). */
  perAddress: number;
  /** Requests a minute by one signed-in account, wherever from. */
  perAccount: number;
}

/**
 * Generous enough for a commune office behind one address and for pages that ask many questions at
 * once; tight enough that a script flooding the API is stopped within a minute.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = { perAddress: 3_000, perAccount: 1_500 };

const tooMany = (_request: FastifyRequest, context: { ttl: number }) =>
  tooManyRequests(`Quá nhiều yêu cầu trong một phút. Vui lòng đợi ${Math.max(1, Math.ceil(context.ttl / 1000)).toLocaleString('vi-VN')} giây rồi thử lại.`);

/**
 * General limits (@fastify/rate-limit, counted in memory for one minute): a signed-in account's
 * requests count against the account wherever they come from; anyone else's against their address.
 * Sign-in has its own, stricter throttle kept in the store (services/auth/sessions.ts). Registered
 * after the session is resolved, so the account is known.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits | false): Promise<void> {
  if (limits === false) return;
  await app.register(fastifyRateLimit, { global: false });
  app.addHook(
    'onRequest',
    app.rateLimit({
      timeWindow: 60_000,
      keyGenerator: (request) => (request.auth ? `account:${request.auth.user.id}` : `address:${request.ip}`),
      max: (_request, key) => (key.startsWith('account:') ? limits.perAccount : limits.perAddress),
      errorResponseBuilder: tooMany,
    }),
  );
}
