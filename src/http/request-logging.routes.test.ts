import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { openHttpFixture, PASSWORD } from './testing/http-fixture';

/** Issue #17, defect 10: every request has an id, in each log line, the answer and the audit row; a 500 is logged with its cause; no secret is logged. */
describe('request log', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const lines: Array<Record<string, unknown> & { raw: string }> = [];
  beforeAll(async () => {
    fx = await openHttpFixture();
    app = await buildApp({
      store: fx.store,
      webRoot: '/nonexistent',
      logger: { level: 'info', stream: { write: (line: string) => lines.push({ ...(JSON.parse(line) as Record<string, unknown>), raw: line }) } },
    });
    // A route that fails the way a bug would: the cause must reach the log, not the caller.
    app.get('/api/test-failure', async () => {
      throw new Error('the cause of the failure: disk on fire');
    });
  });
  afterAll(async () => {
    await app.close();
    await fx.close();
  });

  it('gives every answer an id of its own, logs it on every line and writes it in the audit row', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer.a', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    const id = String(login.headers['x-request-id']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await fx.store.audit.list({ action: 'auth.login', username: 'officer.a', limit: 1 });
    expect(row!.requestId).toBe(id);
    const other = await app.inject({ method: 'GET', url: '/api/health' });
    expect(other.headers['x-request-id']).not.toBe(id);
    // A caller cannot choose the id that goes into the log and the audit trail.
    const chosen = await app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'forged' } });
    expect(chosen.headers['x-request-id']).not.toBe('forged');
    const ofLogin = lines.filter((l) => l.reqId === id);
    expect(ofLogin.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    for (const line of lines.filter((l) => l.req || l.res)) expect(line.reqId).toEqual(expect.any(String));
  });

  it('logs a 500 with its cause and the request id; the caller gets only a Vietnamese message', async () => {
    const failed = await app.inject({ method: 'GET', url: '/api/test-failure' });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain('disk on fire');
    expect(failed.json().error.message).toMatch(/Đã xảy ra lỗi hệ thống/);
    const logged = lines.find((l) => l.reqId === failed.headers['x-request-id'] && l.level === 50);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged!.err)).toContain('disk on fire');
    expect(JSON.stringify(logged!.err)).toContain('stack');
  });

  it('never logs passwords, cookies or CSRF tokens', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer.b', password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'cchc_session')!.value;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer.b', password: 'sai-mat-khau-bi-mat' } });
    await app.inject({ method: 'PUT', url: '/api/account/password', cookies: { cchc_session: cookie }, headers: { 'x-csrf-token': csrf }, payload: { currentPassword: PASSWORD, newPassword: 'x' } });
    await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { cchc_session: cookie }, headers: { 'x-csrf-token': csrf } });
    const all = lines.map((l) => l.raw).join('\n');
    expect(all.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, 'sai-mat-khau-bi-mat', cookie, csrf]) expect(all).not.toContain(secret);
  });
});

describe('quiet by default', () => {
  it('an app built without a logger (the tests) still answers with request ids', async () => {
    const fx = await openHttpFixture();
    try {
      const answer = await fx.app.inject({ method: 'GET', url: '/api/health' });
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await fx.close();
    }
  });
});
