import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../services/users/add-user';
import { loginAs, openHttpFixture, PASSWORD } from '../testing/http-fixture';

interface Day {
  date: string;
  working: boolean;
  kind: string | null;
  reason: string | null;
  source: string | null;
  lunar: { day: number; month: number; label: string };
}

describe('calendar over HTTP', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  const year = async (username: string, y: number, unitId?: number) => {
    const { cookies } = await loginAs(fx.app, username);
    const response = await fx.app.inject({ method: 'GET', url: `/api/calendar/${y}${unitId ? `?unitId=${unitId}` : ''}`, cookies });
    return response;
  };
  const day = (body: { days: Day[] }, date: string) => body.days.find((d) => d.date === date)!;

  it('shows every day of 2026 with Tết, make-up Saturdays and lunar dates', async () => {
    const response = await year('officer.a', 2026);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.days).toHaveLength(365);
    expect(body.confirmed).toBe(true);
    expect(day(body, '2026-02-17')).toMatchObject({ working: false, kind: 'holiday', lunar: { day: 1, month: 1 } });
    expect(day(body, '2026-02-17').reason).toMatch(/Tết Nguyên đán/);
    expect(day(body, '2026-01-10')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(day(body, '2026-03-03')).toMatchObject({ working: true, kind: null });
  });

  it('lets an admin add a provincial holiday that applies to the whole province only, and audits it', async () => {
    const admin = await loginAs(fx.app, 'admin');
    const set = await fx.app.inject({
      method: 'PUT',
      url: '/api/calendar-overrides',
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.csrf },
      payload: { date: '2026-03-10', kind: 'holiday', reason: 'Nghỉ lễ của tỉnh (thử)', legalRef: 'Quyết định 1/QĐ-UBND', unitId: fx.units.P },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ provinceCode: '19', unitCode: null });
    expect(day((await year('officer.a', 2026)).json(), '2026-03-10')).toMatchObject({ working: false, source: 'override' });
    expect(day((await year('officer.c', 2026)).json(), '2026-03-10')).toMatchObject({ working: true });
    const audit = await fx.store.audit.list(5);
    expect(audit.find((entry) => entry.action === 'calendar.override.set')).toBeDefined();
  });

  it('lets a unit day win over the province and stay local to that unit', async () => {
    const admin = await loginAs(fx.app, 'admin');
    await fx.app.inject({
      method: 'PUT',
      url: '/api/calendar-overrides',
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.csrf },
      payload: { date: '2026-03-10', kind: 'workday', reason: 'Xã A vẫn làm việc', unitId: fx.units.A },
    });
    expect(day((await year('officer.a', 2026)).json(), '2026-03-10').working).toBe(true);
    expect(day((await year('officer.b', 2026)).json(), '2026-03-10').working).toBe(false);
    const list = await fx.app.inject({ method: 'GET', url: '/api/calendar-overrides?year=2026', cookies: admin.cookies });
    expect(list.json().overrides.map((o: { unitCode: string | null }) => o.unitCode)).toEqual([null, '01906']);
  });

  it('refuses overrides from non-admins, outside the province, or without a reason', async () => {
    const reviewer = await loginAs(fx.app, 'reviewer');
    const byReviewer = await fx.app.inject({
      method: 'PUT',
      url: '/api/calendar-overrides',
      cookies: reviewer.cookies,
      headers: { 'x-csrf-token': reviewer.csrf },
      payload: { date: '2026-04-01', kind: 'holiday', reason: 'x', unitId: fx.units.P },
    });
    expect(byReviewer.statusCode).toBe(403);
    const admin = await loginAs(fx.app, 'admin');
    const put = (payload: object) =>
      fx.app.inject({ method: 'PUT', url: '/api/calendar-overrides', cookies: admin.cookies, headers: { 'x-csrf-token': admin.csrf }, payload });
    expect((await put({ date: '2026-04-01', kind: 'holiday', reason: 'x', unitId: fx.units.C })).statusCode).toBe(403);
    const noReason = await put({ date: '2026-02-30', kind: 'holiday', reason: ' ', unitId: fx.units.P });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/Ngày "2026-02-30" không hợp lệ.*Cần ghi lý do/);
  });

  it('guards other units and rejects years out of range', async () => {
    expect((await year('officer.a', 2026, fx.units.B)).statusCode).toBe(403);
    expect((await year('reviewer', 2026, fx.units.B)).statusCode).toBe(200);
    const far = await year('officer.a', 2200);
    expect(far.statusCode).toBe(400);
    expect(far.json().error.message).toMatch(/ngoài phạm vi hỗ trợ/);
  });

  it('deletes a day under the same subtree rule as adding one: a commune admin cannot delete the province\'s days', async () => {
    await addUser(fx.store, { username: 'admin.a', displayName: 'Quản trị xã A', password: PASSWORD, role: 'admin', unitId: fx.units.A });
    await addUser(fx.store, { username: 'admin.q', displayName: 'Quản trị tỉnh Q', password: PASSWORD, role: 'admin', unitId: fx.units.Q });
    const admin = await loginAs(fx.app, 'admin');
    const put = (unitId: number, date: string) =>
      fx.app.inject({
        method: 'PUT',
        url: '/api/calendar-overrides',
        cookies: admin.cookies,
        headers: { 'x-csrf-token': admin.csrf },
        payload: { date, kind: 'holiday', reason: 'Ngày nghỉ thử', unitId },
      });
    const provinceDay = (await put(fx.units.P, '2026-05-20')).json().id as number;
    const communeADay = (await put(fx.units.A, '2026-05-21')).json().id as number;
    const communeBDay = (await put(fx.units.B, '2026-05-22')).json().id as number;
    const remove = async (username: string, id: number) => {
      const who = await loginAs(fx.app, username);
      return fx.app.inject({ method: 'DELETE', url: `/api/calendar-overrides/${id}`, cookies: who.cookies, headers: { 'x-csrf-token': who.csrf } });
    };
    const unknown = await remove('admin.a', 999_999);
    expect(unknown.statusCode).toBe(403);
    for (const [username, id] of [['admin.a', provinceDay], ['admin.a', communeBDay], ['admin.q', communeADay]] as const) {
      const refused = await remove(username, id);
      expect({ status: refused.statusCode, body: refused.json() }).toEqual({ status: unknown.statusCode, body: unknown.json() });
    }
    const ids = async () => (await fx.store.calendarOverrides.listForProvince('19', 2026)).map((o) => o.id);
    expect(await ids()).toEqual(expect.arrayContaining([provinceDay, communeADay, communeBDay]));
    expect((await remove('admin.a', communeADay)).statusCode).toBe(200);
    expect((await remove('admin', communeBDay)).statusCode).toBe(200);
    expect((await remove('admin', provinceDay)).statusCode).toBe(200);
    expect(await ids()).not.toEqual(expect.arrayContaining([provinceDay]));
    const audit = (await fx.store.audit.list(20)).filter((entry) => entry.action === 'calendar.override.delete' && entry.outcome === 'ok');
    expect(audit.map((entry) => entry.unit?.id)).toEqual(expect.arrayContaining([fx.units.A, fx.units.B, fx.units.P]));
  });
});
