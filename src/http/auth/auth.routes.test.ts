import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openHttpFixture, PASSWORD } from '../testing/http-fixture';

describe('authentication over HTTP', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  it('sets an HttpOnly, SameSite session cookie and returns the user with unit and province', async () => {
    const session = await loginAs(fx.app, 'officer.a');
    expect(session.setCookie.httpOnly).toBe(true);
    expect(session.setCookie.sameSite).toBe('Strict');
    const me = await fx.app.inject({ method: 'GET', url: '/api/auth/session', cookies: session.cookies });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ username: 'officer.a', role: 'officer', unit: { name: 'Xã Ba Bể' }, province: { code: '19' } });
    expect(me.json().csrfToken).toBe(session.csrf);
  });

  it('refuses a wrong password with a Vietnamese message', async () => {
    const response = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer.b', password: 'sai' } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'unauthorized', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } });
  });

  it('rate-limits repeated failures, even with the right password afterwards', async () => {
    for (let i = 0; i < 5; i++) {
      await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer.c', password: `sai-${i}` } });
    }
    const blocked = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer.c', password: PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toMatch(/Đăng nhập sai quá nhiều lần/);
  });

  it('answers 401 without a session and rejects malformed bodies with 400', async () => {
    expect((await fx.app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    const bad = await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_input');
    expect(bad.json().error.message).toMatch(/Trường "(username|password)"/);
  });

  it('requires the CSRF token to log out, then ends the session', async () => {
    const session = await loginAs(fx.app, 'reviewer');
    const without = await fx.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: session.cookies });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.message).toMatch(/CSRF/);
    const withToken = await fx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: session.cookies,
      headers: { 'x-csrf-token': session.csrf },
    });
    expect(withToken.statusCode).toBe(200);
    expect((await fx.app.inject({ method: 'GET', url: '/api/auth/session', cookies: session.cookies })).statusCode).toBe(401);
  });

  it('refuses a state change from another origin', async () => {
    const session = await loginAs(fx.app, 'admin');
    const response = await fx.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: session.cookies,
      headers: { 'x-csrf-token': session.csrf, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(response.statusCode).toBe(403);
  });
});
