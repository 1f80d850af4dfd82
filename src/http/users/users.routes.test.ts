import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openHttpFixture } from '../testing/http-fixture';

describe('accounts over HTTP', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  const newUser = (unitId: number, username = 'moi.tao') => ({
    username,
    displayName: 'Người Mới',
    password: 'mot-mat-khau-dai',
    role: 'officer',
    unitId,
  });

  it('lets an admin list and create accounts within its subtree, with the CSRF token', async () => {
    const admin = await loginAs(fx.app, 'admin');
    const list = await fx.app.inject({ method: 'GET', url: '/api/users', cookies: admin.cookies });
    expect(list.json().users.map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'officer.a', 'officer.b', 'reviewer']);
    const noToken = await fx.app.inject({ method: 'POST', url: '/api/users', cookies: admin.cookies, payload: newUser(fx.units.A) });
    expect(noToken.statusCode).toBe(403);
    const created = await fx.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.csrf },
      payload: newUser(fx.units.A),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'moi.tao', roleLabel: 'Cán bộ báo cáo', unit: { name: 'Xã Ba Bể' } });
    const duplicate = await fx.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.csrf },
      payload: newUser(fx.units.A),
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('Tên đăng nhập "moi.tao" đã được dùng.');
  });

  it('refuses to create an account in another province, or for a non-admin', async () => {
    const admin = await loginAs(fx.app, 'admin');
    const elsewhere = await fx.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.csrf },
      payload: newUser(fx.units.C, 'ngoai.tinh'),
    });
    expect(elsewhere.statusCode).toBe(403);
    const reviewer = await loginAs(fx.app, 'reviewer');
    const byReviewer = await fx.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: reviewer.cookies,
      headers: { 'x-csrf-token': reviewer.csrf },
      payload: newUser(fx.units.A, 'khong.duoc'),
    });
    expect(byReviewer.statusCode).toBe(403);
    expect(byReviewer.json().error.message).toBe('Chỉ quản trị viên được quản lý tài khoản.');
    expect((await fx.app.inject({ method: 'GET', url: '/api/users', cookies: reviewer.cookies })).statusCode).toBe(403);
  });

  it('explains weak input in Vietnamese', async () => {
    const admin = await loginAs(fx.app, 'admin');
    const weak = await fx.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.csrf },
      payload: { ...newUser(fx.units.A, 'Tên Có Dấu'), password: 'ngan' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/Tên đăng nhập phải dài 3–40 ký tự.*Mật khẩu phải có ít nhất 8 ký tự/);
  });

  it('locks an account and ends its sessions', async () => {
    const officer = await loginAs(fx.app, 'officer.b');
    const admin = await loginAs(fx.app, 'admin');
    const target = (await fx.app.inject({ method: 'GET', url: '/api/users', cookies: admin.cookies }))
      .json()
      .users.find((u: { username: string }) => u.username === 'officer.b');
    const locked = await fx.app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.csrf },
      payload: { active: false },
    });
    expect(locked.json().active).toBe(false);
    expect((await fx.app.inject({ method: 'GET', url: '/api/auth/session', cookies: officer.cookies })).statusCode).toBe(401);
  });
});
