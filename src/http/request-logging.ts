import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface RequestLogOptions {
  /** pino level: 'info' by default, 'silent' for none. */
  level?: string;
  /** Where the JSON lines go (standard output by default). */
  stream?: { write(line: string): unknown };
}

/** Paths pino masks in every line, whatever logs them: the session cookie, the CSRF token, passwords. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers["x-csrf-token"]',
  'body.password',
  'body.currentPassword',
  'body.newPassword',
  'password',
  'csrfToken',
  'token',
];

/**
 * Fastify's own logger (pino), one JSON line per event, each carrying the request's id (`reqId`):
 * the id is made here (never taken from the caller), sent back in `x-request-id` and written in
 * the audit row. Requests are logged by method, address and status only — never bodies, cookies
 * or headers — so a password or a token cannot reach the log.
 */
export function serverLogOptions(logger: boolean | RequestLogOptions | undefined): Pick<FastifyServerOptions, 'logger' | 'genReqId' | 'requestIdHeader'> {
  const options = logger === true ? {} : logger || undefined;
  return {
    logger: options
      ? {
          level: options.level ?? 'info',
          redact: { paths: REDACTED_PATHS, censor: '[ẩn]' },
          ...(options.stream ? { stream: options.stream } : {}),
        }
      : false,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  };
}

export function registerRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
