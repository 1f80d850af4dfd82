import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngineName } from '../../store/testing/test-store';
import { loginAs, openHttpFixture, PASSWORD } from '../testing/http-fixture';
import { READ_ONLY_POSTS, ROUTE_ACTIONS } from './audit-trail';

type Event = { action: string; outcome: string; status: number | null; actor: { username: string | null; name: string | null; unit: { code: string | null } | null }; unit: { code: string | null } | null; details: Record<string, unknown> | null; requestId: string | null; channel: string };

describe(`the audit trail over HTTP (${testEngineName()})`, () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  type Session = Awaited<ReturnType<typeof loginAs>>;
  let admin: Session;
  let officerA: Session;
  let officerC: Session;
  let reviewer: Session;
  beforeAll(async () => {
    fx = await openHttpFixture();
    [admin, officerA, officerC, reviewer] = [await loginAs(fx.app, 'admin'), await loginAs(fx.app, 'officer.a'), await loginAs(fx.app, 'officer.c'), await loginAs(fx.app, 'reviewer')];
  }, 60_000);
  afterAll(async () => fx.close());

  const call = (session: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    fx.app.inject({ method, url, ...(session ? { cookies: session.cookies, headers: { 'x-csrf-token': session.csrf } } : {}), ...(payload ? { payload } : {}) });
  const log = async (query = '', session: Session = admin): Promise<Event[]> => {
    const response = await call(session, 'GET', `/api/audit-log${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().events;
  };

  it('records failed sign-ins with the name typed, visible to the account’s admins; unknown names only to the operator', async () => {
    expect((await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: ' Officer.A ', password: 'sai-mat-khau' } })).statusCode).toBe(401);
    expect((await fx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong.co', password: 'sai-mat-khau' } })).statusCode).toBe(401);
    const logins = await log('?action=auth.login&outcome=refused');
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ outcome: 'refused', status: 401, actor: { username: 'officer.a', unit: { code: '01906' } }, channel: 'web' });
    expect(JSON.stringify(logins[0]!.details)).not.toContain('sai-mat-khau');
    const everything = await fx.store.audit.list({ action: 'auth.login', outcome: 'refused', limit: 10 });
    expect(everything.map((e) => e.actorUsername)).toEqual(['khong.co', 'officer.a']);
    // A successful sign-in is one row, written by the sign-in itself.
    expect((await log('?action=auth.login&username=officer.a&outcome=ok')).length).toBe(1);
  });

  it('records refusals of signed-in and anonymous callers, but not an anonymous "am I signed in?"', async () => {
    const target = (await fx.store.users.findByUsername('officer.a'))!;
    expect((await call(officerC, 'PATCH', `/api/users/${target.id}`, { displayName: 'Kẻ lạ' })).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/users')).statusCode).toBe(401);
    expect((await call(null, 'GET', '/api/auth/session')).statusCode).toBe(401);
    const refused = await log('?outcome=refused&action=users.update');
    expect(refused[0]).toMatchObject({ status: 403, actor: { username: 'officer.c', unit: { code: '15976' } }, unit: { code: '01906' } });
    const anonymous = await fx.store.audit.list({ outcome: 'refused', limit: 50 });
    expect(anonymous.filter((e) => e.route === '/api/users' && e.method === 'GET' && e.actorName === null)).toHaveLength(1);
    expect(anonymous.filter((e) => e.route === '/api/auth/session')).toHaveLength(0);
  });

  it('records every change once, with the unit concerned, and downloads; keeps names as they were', async () => {
    const created = await call(officerA, 'POST', '/api/reports', { unitId: fx.units.A, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    expect(created.statusCode, created.body).toBe(200);
    const report = created.json();
    const saved = await call(officerA, 'PATCH', `/api/reports/${report.id}/values`, { changes: [{ rowId: 'r_1_2_a', value: 12 }], expectedRevision: report.revision });
    expect(saved.statusCode, saved.body).toBe(200);
    // Sending an incomplete report is refused (the checklist): recorded with its outcome and reason.
    const submit = await call(officerA, 'POST', `/api/reports/${report.id}/transitions`, { action: 'submit' });
    expect(submit.statusCode).toBe(400);
    expect((await call(officerA, 'GET', `/api/reports/${report.id}/export?format=xlsx`)).statusCode).toBe(200);
    const added = await call(admin, 'POST', '/api/users', { username: 'xa.moi', displayName: 'Người Mới', password: PASSWORD, role: 'officer', unitId: fx.units.B });
    expect(added.statusCode, added.body).toBe(201);

    const events = await log(`?unitId=${fx.units.A}`);
    const of = (action: string) => events.filter((e) => e.action === action);
    expect(of('report.create')).toHaveLength(1);
    expect(of('report.values.save')[0]).toMatchObject({ outcome: 'ok', status: 200, unit: { code: '01906' }, actor: { username: 'officer.a', name: 'officer.a' } });
    expect(of('report.values.save')[0]!.details).toMatchObject({ params: { reportId: report.id }, body: { changes: [{ rowId: 'r_1_2_a', value: 12 }] } });
    expect(of('report.submit')).toEqual([expect.objectContaining({ outcome: 'rejected', status: 400, details: expect.objectContaining({ error: expect.objectContaining({ code: submit.json().error.code, message: expect.stringMatching(/^Chưa gửi được báo cáo/) }) }) })]);
    expect(of('report.export')[0]).toMatchObject({ details: { query: { format: 'xlsx' } } });
    // The use case's own row, not a second generic one from the hook.
    const userAdds = await log('?action=users.add&username=admin');
    expect(userAdds).toHaveLength(1);
    expect(userAdds[0]).toMatchObject({ unit: { code: '02020' }, actor: { username: 'admin' }, requestId: expect.any(String) });

    const officer = (await fx.store.users.findByUsername('officer.a'))!;
    expect((await call(admin, 'PATCH', `/api/users/${officer.id}`, { displayName: 'Tên Đã Đổi' })).statusCode).toBe(200);
    expect((await log(`?unitId=${fx.units.A}&action=report.values.save`))[0]!.actor.name).toBe('officer.a');
    const history = (await call(admin, 'GET', `/api/reports/${report.id}/history`)).json();
    expect(JSON.stringify(history)).toContain('officer.a');
    expect(JSON.stringify(history)).not.toContain('Tên Đã Đổi');
  });

  it('is for admins only, scoped by their subtree; unknown and foreign units answer the same', async () => {
    expect((await call(reviewer, 'GET', '/api/audit-log')).statusCode).toBe(403);
    expect((await call(officerA, 'GET', '/api/audit-log')).statusCode).toBe(403);
    const foreign = await call(admin, 'GET', `/api/audit-log?unitId=${fx.units.Q}`);
    const unknown = await call(admin, 'GET', '/api/audit-log?unitId=999999');
    expect([foreign.statusCode, unknown.statusCode]).toEqual([403, 403]);
    expect(foreign.json()).toEqual(unknown.json());
    // officer.c signed in inside province Q: not the business of P's admin.
    expect((await log('?username=officer.c&action=auth.login')).length).toBe(0);
    expect((await call(admin, 'GET', '/api/audit-log?from=2026-02-31')).statusCode).toBe(400);
  });

  it('names the action of every route that changes data or sends a file', async () => {
    const spec = (await fx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const unnamed: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      const route = path.replace(/\{(\w+)\}/g, ':$1');
      for (const method of Object.keys(methods).map((m) => m.toUpperCase())) {
        const changes = method !== 'GET' && !READ_ONLY_POSTS.has(route);
        const download = method === 'GET' && /\.(xlsx|docx|pdf)$|\/export$/.test(route);
        if ((changes || download) && !ROUTE_ACTIONS[`${method} ${route}`]) unnamed.push(`${method} ${route}`);
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('pages from newest to oldest', async () => {
    const first = (await call(admin, 'GET', '/api/audit-log?limit=2')).json();
    expect(first.events).toHaveLength(2);
    const second = (await call(admin, 'GET', `/api/audit-log?limit=2&beforeId=${first.nextBeforeId}`)).json();
    expect(second.events[0].id).toBeLessThan(first.events[1].id);
  });
});
