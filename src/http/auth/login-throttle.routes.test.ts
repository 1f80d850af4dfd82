import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openHttpFixture, PASSWORD } from '../testing/http-fixture';

/* Issue #17, defect 9: the throttle counts the name as sign-in reads it, per address and overall, in the store. */
describe('login throttle', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  const attempt = (username: string, password: string, remoteAddress = '10.1.1.1', app = fx.app) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

  it('spaces, tabs or capitals added to the name are the same name: no extra guesses', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('officer.c', `sai-${i}`)).statusCode).toBe(401);
    for (const variant of [' officer.c', 'officer.c ', 'officer.c\t', '\tOFFICER.C', 'Officer.C  ', 'officer.c']) {
      const refused = await attempt(variant, 'sai-nua');
      expect(refused.statusCode, variant).toBe(429);
      expect(refused.json().error.message).toMatch(/Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau 15 phút\./);
    }
    // Even the right password waits.
    expect((await attempt(' officer.c ', PASSWORD)).statusCode).toBe(429);
  });

  it('a restart does not reset it: a new server on the same store still refuses', async () => {
    const restarted = await buildApp({ store: fx.store, webRoot: '/nonexistent' });
    try {
      expect((await attempt('officer.c', PASSWORD, '10.1.1.1', restarted)).statusCode).toBe(429);
    } finally {
      await restarted.close();
    }
  });

  it('one name guessed from many addresses is stopped after 20 failures', async () => {
    for (let i = 0; i < 20; i++) expect((await attempt('officer.b', `sai-${i}`, `10.2.0.${i + 1}`)).statusCode).toBe(401);
    expect((await attempt('officer.b', PASSWORD, '10.2.1.1')).statusCode).toBe(429);
  });

  it('one address trying many names is stopped after 30 failures', async () => {
    for (let i = 0; i < 30; i++) expect((await attempt(`khong-co-${i}`, 'sai', '10.3.0.1')).statusCode).toBe(401);
    expect((await attempt('reviewer', PASSWORD, '10.3.0.1')).statusCode).toBe(429);
    // Another address is not affected.
    expect((await attempt('reviewer', PASSWORD, '10.3.0.2')).statusCode).toBe(200);
  });

  it('a successful sign-in forgives the account its earlier failures', async () => {
    for (let i = 0; i < 4; i++) await attempt('officer.a', 'sai', '10.4.0.1');
    expect((await attempt('officer.a', PASSWORD, '10.4.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('officer.a', 'sai', '10.4.0.1')).statusCode).toBe(401);
    expect((await attempt('officer.a', PASSWORD, '10.4.0.1')).statusCode).toBe(200);
  });
});

describe('general rate limits', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
    app = await buildApp({ store: fx.store, webRoot: '/nonexistent', rateLimits: { perAddress: 8, perAccount: 4 } });
  });
  afterAll(async () => {
    await app.close();
    await fx.close();
  });

  it('per address (anonymous): the request past the limit gets 429 with a Vietnamese message and Retry-After', async () => {
    for (let i = 0; i < 8; i++) expect((await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.5.0.1' })).statusCode).toBe(200);
    const refused = await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.5.0.1' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'too_many_requests', message: expect.stringMatching(/^Quá nhiều yêu cầu trong một phút\. Vui lòng đợi \d+ giây rồi thử lại\.$/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.5.0.2' })).statusCode).toBe(200);
  });

  it('per account: a signed-in account is limited wherever its requests come from', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.6.0.1', payload: { username: 'officer.a', password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'cchc_session')!.value;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await app.inject({ method: 'GET', url: '/api/auth/session', remoteAddress: `10.6.1.${i + 1}`, cookies: { cchc_session: cookie } })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    // Another account from the same addresses is not limited by it.
    const other = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.6.2.1', payload: { username: 'officer.b', password: PASSWORD } });
    expect(other.statusCode).toBe(200);
  });
});
