import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openHttpFixture, PASSWORD } from '../testing/http-fixture';

/* An administrator edits an account and resets its password; every user changes their own. */
describe('editing accounts and passwords over HTTP', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  type Session = Awaited<ReturnType<typeof loginAs>>;
  const call = (who: Session, method: 'PATCH' | 'PUT', url: string, payload: unknown) =>
    fx.app.inject({ method, url, cookies: who.cookies, headers: { 'x-csrf-token': who.csrf }, payload: payload as object });
  const idOf = async (admin: Session, username: string) =>
    ((await fx.app.inject({ method: 'GET', url: '/api/users', cookies: admin.cookies })).json().users as Array<{ id: number; username: string }>).find((u) => u.username === username)!.id;
  const signsIn = async (username: string, password: string) =>
    (await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode === 200;
  const sessionAlive = async (who: Session) => (await fx.app.inject({ method: 'GET', url: '/api/auth/session', cookies: who.cookies })).statusCode === 200;
  const audited = async (action: string) => (await fx.store.audit.list(200)).filter((e) => e.action === action);

  it('lets an admin rename an account, change its role and unit, and reset its password', async () => {
    const admin = await loginAs(fx.app, 'admin');
    const officer = await loginAs(fx.app, 'officer.b');
    const id = await idOf(admin, 'officer.b');
    const edited = await call(admin, 'PATCH', `/api/users/${id}`, { displayName: 'Lường Thị Hai', role: 'reviewer', unitId: fx.units.A });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ displayName: 'Lường Thị Hai', role: 'reviewer', unit: { id: fx.units.A } });
    // New powers: the account signs in again.
    expect(await sessionAlive(officer)).toBe(false);

    const reset = await call(admin, 'PATCH', `/api/users/${id}`, { password: 'mat-khau-moi-dat-lai' });
    expect(reset.statusCode).toBe(200);
    expect(await signsIn('officer.b', PASSWORD)).toBe(false);
    expect(await signsIn('officer.b', 'mat-khau-moi-dat-lai')).toBe(true);
    const entries = await audited('users.update');
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(entries.map((e) => e.details))).not.toContain('mat-khau-moi-dat-lai');
  });

  it('says every problem of an edit at once, and keeps accounts and units of other provinces out of reach', async () => {
    const admin = await loginAs(fx.app, 'admin');
    const id = await idOf(admin, 'officer.a');
    const bad = await call(admin, 'PATCH', `/api/users/${id}`, { displayName: ' ', password: 'ngan', unitId: fx.units.C });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('Họ và tên không được để trống. Mật khẩu phải có ít nhất 8 ký tự. Đơn vị mới không thuộc phạm vi quản lý của bạn.');
    const self = await call(admin, 'PATCH', `/api/users/${await idOf(admin, 'admin')}`, { role: 'officer' });
    expect(self.json().error.message).toMatch(/Không thể tự đổi vai trò/);
    const foreign = await call(admin, 'PATCH', '/api/users/999999', { displayName: 'X' });
    expect(foreign.statusCode).toBe(403);
    const reviewer = await loginAs(fx.app, 'reviewer');
    expect((await call(reviewer, 'PATCH', `/api/users/${id}`, { displayName: 'X' })).statusCode).toBe(403);
  });

  it('lets any user change their own password with the current one, ending their other sessions', async () => {
    const here = await loginAs(fx.app, 'officer.c');
    const elsewhere = await loginAs(fx.app, 'officer.c');
    const wrong = await call(here, 'PUT', '/api/account/password', { currentPassword: 'khong-dung-dau', newPassword: 'ngan' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('Mật khẩu hiện tại không đúng. Mật khẩu mới phải có ít nhất 8 ký tự.');
    expect((await call(here, 'PUT', '/api/account/password', { currentPassword: PASSWORD, newPassword: PASSWORD })).json().error.message).toBe(
      'Mật khẩu mới phải khác mật khẩu hiện tại.',
    );
    const changed = await call(here, 'PUT', '/api/account/password', { currentPassword: PASSWORD, newPassword: 'mat-khau-cua-toi-2026' });
    expect(changed.statusCode).toBe(204);
    expect(await sessionAlive(here)).toBe(true);
    expect(await sessionAlive(elsewhere)).toBe(false);
    expect(await signsIn('officer.c', PASSWORD)).toBe(false);
    expect(await signsIn('officer.c', 'mat-khau-cua-toi-2026')).toBe(true);
    const [entry] = await audited('users.password.change');
    expect(entry).toMatchObject({ subject: 'officer.c' });
    expect(JSON.stringify(entry)).not.toContain('mat-khau-cua-toi-2026');
    // Without the CSRF token, nothing changes.
    const forged = await fx.app.inject({ method: 'PUT', url: '/api/account/password', cookies: here.cookies, payload: { currentPassword: 'mat-khau-cua-toi-2026', newPassword: 'ke-gian-doi-mat-khau' } });
    expect(forged.statusCode).toBe(403);
  });
});
