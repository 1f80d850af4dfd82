import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors';

/** Vite names every built asset by its content hash: a changed file is a new address. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets, so the browser asks again each time (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

const isHashedAsset = (path: string) => path.includes(`${sep}assets${sep}`);

function setCacheHeaders(res: { setHeader(name: string, value: string): unknown }, path: string): void {
  res.setHeader('Cache-Control', isHashedAsset(path) ? IMMUTABLE : REVALIDATE);
  res.setHeader('Vary', 'Accept-Encoding');
}

/**
 * The built SPA: files precompressed at build time (brotli, else gzip, else as is, by the browser's
 * Accept-Encoding), hashed assets cached for a year, index.html revalidated; every non-API path
 * answers index.html (deep links such as /don-vi/123), an unknown API path a JSON 404.
 */
export async function registerWebAssets(app: FastifyInstance, webRoot: string): Promise<void> {
  const hasWeb = existsSync(`${webRoot}/index.html`);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, preCompressed: true, cacheControl: false, setHeaders: setCacheHeaders });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send(errorBody('not_found', `Không có địa chỉ GET ${request.url.split('?')[0]}.`));
    }
    if (!hasWeb) {
      return reply
        .type('text/plain; charset=utf-8')
        .send('Giao diện web chưa được build. Chạy "npm run build" rồi khởi động lại (npm start làm việc này tự động).');
    }
    return reply.sendFile('index.html');
  });
}
