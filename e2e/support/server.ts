import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/http/app';
import { seedDemo } from '../../src/services/demo/seed-demo';
import { openStore, type Store } from '../../src/store/store';

export const DEMO_PASSWORD = 'cchc-demo-2026';
const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface TestServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  /** The server's own store, for a test's setup through the services (a procedure catalogue…). */
  store: Store;
  close(): Promise<void>;
}

/**
 * The real application, in this process: a fresh PGlite store in a temporary directory, the
 * demo data (both real unit lists and the demo accounts), the Fastify app serving the built SPA.
 */
export async function startServer(): Promise<TestServer> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`The SPA is not built (${WEB_ROOT}index.html missing): run "npx vite build" first.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'cchc-e2e-'));
  const store = await openStore({ engine: 'pglite', dataDir });
  try {
    await seedDemo(store);
    const app = await buildApp({ store, webRoot: WEB_ROOT });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      store,
      async close() {
        await app.close();
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
