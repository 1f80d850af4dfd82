import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server';

/*
 * The real build (npm run test:e2e builds it first) served by the real server: no chunk over
 * 500 kB before compression, every script and style sent compressed with a year of caching, the
 * page itself revalidated.
 */
const ASSETS = fileURLToPath(new URL('../dist/web/assets/', import.meta.url));
const LIMIT = 500 * 1000;

describe('the built app on a commune connection', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  it('has no JavaScript or CSS chunk over 500 kB before compression, each with .br and .gz beside it', () => {
    const chunks = readdirSync(ASSETS).filter((name) => /\.(js|css)$/.test(name));
    expect(chunks.length).toBeGreaterThan(5);
    for (const name of chunks) {
      const size = statSync(join(ASSETS, name)).size;
      expect(size, name).toBeLessThanOrEqual(LIMIT);
      if (size >= 1024) expect(readdirSync(ASSETS), name).toEqual(expect.arrayContaining([`${name}.br`, `${name}.gz`]));
    }
  });

  it('sends the page and every asset it names compressed, assets immutable for a year, the page revalidated', async () => {
    const page = await fetch(`${server.baseUrl}/bao-cao`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const named = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(1);
    for (const path of named) {
      const response = await fetch(`${server.baseUrl}${path}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.status, path).toBe(200);
      const built = statSync(join(ASSETS, path.slice('/assets/'.length))).size;
      // Files under 1 kB gain nothing from compression and are sent as they are.
      expect(response.headers.get('content-encoding'), path).toBe(built >= 1024 ? 'br' : null);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      // fetch decodes brotli: the body is the file as built.
      expect(await response.text(), path).toBe(readFileSync(join(ASSETS, path.slice('/assets/'.length)), 'utf8'));
    }
  });
});
