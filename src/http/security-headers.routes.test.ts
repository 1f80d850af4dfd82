import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../domain/auth/login-throttle';
import { authenticate, login, SESSION_MAX_AGE_MS, sessionIdOf, SESSION_TTL_MS } from '../services/auth/sessions';
import { buildApp } from './app';
import { loginAs, openHttpFixture, PASSWORD } from './testing/http-fixture';

const HOUR = 60 * 60_000;

describe('security headers', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  const expectProtected = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  };

  it('every kind of answer carries them: a page, an API answer, a refusal, an unknown address', async () => {
    const session = await loginAs(fx.app, 'officer.a');
    const answers = [
      await fx.app.inject({ method: 'GET', url: '/bang-dieu-khien' }),
      await fx.app.inject({ method: 'GET', url: '/api/units', cookies: session.cookies }),
      await fx.app.inject({ method: 'GET', url: '/api/units' }),
      await fx.app.inject({ method: 'POST', url: '/api/units/import', cookies: session.cookies, payload: {} }),
      await fx.app.inject({ method: 'GET', url: '/api/khong-co' }),
      await fx.app.inject({ method: 'GET', url: '/api/docs/' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 401, 403, 404, 200]);
    for (const answer of answers) expectProtected(answer.headers);
  });

  it('HSTS only when served over HTTPS (CCHC_SECURE_COOKIE=1)', async () => {
    const plain = await fx.app.inject({ method: 'GET', url: '/' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secureApp = await buildApp({ store: fx.store, webRoot: '/nonexistent', secureCookie: true });
    try {
      const secure = await secureApp.inject({ method: 'GET', url: '/api/auth/session' });
      expect(secure.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      const signIn = await secureApp.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'reviewer', password: PASSWORD } });
      expect(signIn.cookies.find((c) => c.name === 'cchc_session')!.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });
});

describe('session lifetime', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  const signIn = (at: Date) => login(fx.store, new LoginThrottle(), { username: 'officer.a', password: PASSWORD, clientKey: '10.0.0.1', now: at });

  it('an idle session ends after the idle timeout', async () => {
    const start = new Date('2026-03-02T01:00:00Z');
    const { token } = await signIn(start);
    expect(await authenticate(fx.store, token, new Date(start.getTime() + HOUR))).not.toBeNull();
    expect(await authenticate(fx.store, token, new Date(start.getTime() + HOUR + SESSION_TTL_MS + 1))).toBeNull();
  });

  it('a session in constant use still ends at its absolute lifetime, counted from sign-in', async () => {
    const start = new Date('2026-03-02T01:00:00Z');
    const { token } = await signIn(start);
    let at = start.getTime();
    // Used every hour: the idle timeout never strikes…
    for (; at + HOUR < start.getTime() + SESSION_MAX_AGE_MS; at += HOUR) {
      expect(await authenticate(fx.store, token, new Date(at + HOUR))).not.toBeNull();
    }
    // …but the absolute lifetime does, and the session is gone for good.
    expect(await authenticate(fx.store, token, new Date(start.getTime() + SESSION_MAX_AGE_MS))).toBeNull();
  });

  it('even a session whose idle expiry lies beyond its lifetime (slid by an earlier version) ends then', async () => {
    const start = new Date('2026-03-02T01:00:00Z');
    const { token } = await signIn(start);
    const id = sessionIdOf(token);
    await fx.store.sessions.extend(id, new Date(start.getTime() + 10 * SESSION_MAX_AGE_MS));
    expect(await authenticate(fx.store, token, new Date(start.getTime() + SESSION_MAX_AGE_MS + 1))).toBeNull();
    expect(await fx.store.db.selectFrom('sessions').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });

  it('the cookie expires with the absolute lifetime', async () => {
    const session = await loginAs(fx.app, 'officer.b');
    expect(session.setCookie.maxAge).toBe(SESSION_MAX_AGE_MS / 1000);
  });
});
