import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ImportRejectedError } from '../domain/import/import-issue';
import { AppError } from '../services/errors';

/** The largest JSON body accepted (Fastify's default); file uploads have their own limit. */
export const BODY_LIMIT = 1024 * 1024;

const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN')} MB` : `${Math.round(bytes / 1024).toLocaleString('vi-VN')} KB`);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const errorBody = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

/** Every failure leaves the API as `{ error: { code, message } }` with a Vietnamese message. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (error instanceof ImportRejectedError) {
      return reply.status(422).send(errorBody('import_rejected', error.message, { issues: error.issues }));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => {
        const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || (issue.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || '';
        return { field, message: issue.message };
      });
      const message = issues.map((i) => (i.field ? `Trường "${i.field}": ${i.message}` : i.message)).join('; ');
      return reply.status(400).send(errorBody('invalid_input', `Dữ liệu gửi lên không hợp lệ. ${message}`, { issues }));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(errorBody('unsupported_media_type', 'Kiểu dữ liệu gửi lên không được hỗ trợ (cần application/json).'));
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.statusCode === 400) {
      return reply.status(400).send(errorBody('invalid_input', 'Nội dung gửi lên không phải JSON hợp lệ.'));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(errorBody('too_many_requests', 'Quá nhiều yêu cầu. Vui lòng thử lại sau.'));
    }
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody('payload_too_large', `Nội dung gửi lên quá lớn (tối đa ${formatBytes(request.routeOptions.bodyLimit ?? BODY_LIMIT)}). Hãy gửi ít dữ liệu hơn hoặc chia nhỏ.`));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      // Any other refusal Fastify itself raises keeps its status, with a Vietnamese message.
      return reply.status(error.statusCode).send(errorBody('invalid_request', 'Yêu cầu không hợp lệ.'));
    }
    // The cause goes to the log (with the request id) — never to the caller.
    request.log.error({ err: error, route: request.routeOptions.url, method: request.method }, 'unexpected error: answered 500');
    return reply.status(500).send(errorBody('internal', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên.'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody('not_found', `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.`)),
  );
}
