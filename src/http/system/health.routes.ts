import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/store';
import { VERSION } from '../../version';

export function healthRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['Hệ thống'],
          summary: 'Tình trạng máy chủ và kho dữ liệu',
          response: {
            200: z.object({ status: z.literal('ok'), store: z.enum(['pglite', 'postgres']), version: z.string() }),
          },
        },
      },
      async () => {
        await store.units.count(); // the store answers, not just the process
        return { status: 'ok' as const, store: store.engine, version: VERSION };
      },
    );
  };
}
