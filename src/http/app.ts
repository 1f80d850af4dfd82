import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginThrottle } from '../domain/auth/login-throttle';
import type { Store } from '../store/store';
import { VERSION } from '../version';
import { authRoutes } from './auth/auth.routes';
import { calendarRoutes } from './calendar/calendar.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { index766Routes } from './index766/index766.routes';
import { unitListsRoutes } from './unit-lists/unit-lists.routes';
import { dossiersRoutes } from './dossiers/dossiers.routes';
import { importsRoutes } from './dossiers/imports.routes';
import { statsRoutes } from './dossiers/stats.routes';
import { templatesRoutes } from './templates/templates.routes';
import { reportsRoutes } from './templates/reports.routes';
import { reportDocumentsRoutes } from './templates/report-documents.routes';
import { reportWorkflowRoutes } from './reports/workflow.routes';
import { ImportJobs } from '../services/dossiers/import-jobs';
import { auditLogRoutes } from './audit/audit-log.routes';
import { registerAuditTrail } from './audit/audit-trail';
import { registerRequestAuth } from './auth/request-auth';
import { BODY_LIMIT, registerErrorHandling } from './errors';
import { registerInputGuards } from './input-guards';
import { DEFAULT_RATE_LIMITS, registerRateLimits, type RateLimits } from './rate-limits';
import { healthRoutes } from './system/health.routes';
import { unitsRoutes } from './units/units.routes';
import { usersRoutes } from './users/users.routes';
import { registerWebAssets } from './web-assets';
import { registerSecurityHeaders } from './security-headers';
import { registerRequestId, serverLogOptions, type RequestLogOptions } from './request-logging';

z.config(z.locales.vi());

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface AppOptions {
  store: Store;
  /** Request log (pino): off unless asked for; `cchc serve` turns it on (CCHC_LOG_LEVEL). */
  logger?: boolean | RequestLogOptions;
  /** Built SPA to serve at `/`; skipped when absent. */
  webRoot?: string;
  secureCookie?: boolean;
  throttle?: LoginThrottle;
  importJobs?: ImportJobs;
  /** General request limits per address and per account (default DEFAULT_RATE_LIMITS); false for none. */
  rateLimits?: RateLimits | false;
  /** Largest accepted upload, in bytes (default 200 MB). */
  uploadLimit?: number;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const app = Fastify({ ...serverLogOptions(options.logger), trustProxy: false, bodyLimit: BODY_LIMIT });
  registerRequestId(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await registerSecurityHeaders(app, options.secureCookie ?? false);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'CCHC API',
        version: VERSION,
        description:
          'API của hệ thống thống kê một cửa và báo cáo cải cách hành chính. Đăng nhập bằng POST /api/auth/login; ' +
          'mọi yêu cầu thay đổi dữ liệu phải gửi kèm tiêu đề X-CSRF-Token nhận được khi đăng nhập. ' +
          'Lỗi trả về dạng { "error": { "code", "message" } } với thông báo tiếng Việt.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cchc_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: options.uploadLimit ?? 200 * 1024 * 1024, files: 1 } });
  registerAuditTrail(app, store);
  registerRequestAuth(app, store);
  await registerRateLimits(app, options.rateLimits ?? DEFAULT_RATE_LIMITS);
  registerInputGuards(app);

  const throttle = options.throttle ?? new LoginThrottle();
  await app.register(healthRoutes(store));
  await app.register(authRoutes(store, throttle, options.secureCookie ?? false));
  await app.register(unitsRoutes(store));
  await app.register(usersRoutes(store));
  await app.register(calendarRoutes(store));
  const importJobs = options.importJobs ?? new ImportJobs();
  await app.register(dossiersRoutes(store));
  await app.register(importsRoutes(store, importJobs));
  await app.register(statsRoutes(store));
  await app.register(dashboardRoutes(store));
  await app.register(index766Routes(store));
  await app.register(unitListsRoutes(store));
  await app.register(templatesRoutes(store));
  await app.register(reportsRoutes(store));
  await app.register(reportDocumentsRoutes(store));
  await app.register(reportWorkflowRoutes(store));
  await app.register(auditLogRoutes(store));
  app.addHook('onClose', () => importJobs.close());

  await registerWebAssets(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}
