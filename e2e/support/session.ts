import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { startServer, type TestServer } from './server';

export interface BrowserSession {
  /** The running app and its store (available from the file's first test on). */
  readonly server: TestServer;
  /** A fresh page in its own browser context; every context a test opened is closed after it. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * One server and one Chromium for a test file, a new context per test. `setup` runs once the
 * server is up (seed data through the store); `teardown` after both are closed.
 */
export function useBrowserSession(setup?: (server: TestServer) => Promise<void>, teardown?: () => void): BrowserSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await setup?.(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    teardown?.();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  return {
    get server() {
      if (!server) throw new Error('the e2e server is not started yet');
      return server;
    },
    async page(viewport) {
      const opened = await openPage(browser!, server!.baseUrl, viewport);
      contexts.push(opened.context);
      return opened.page;
    },
  };
}
