import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openHttpFixture } from '../testing/http-fixture';

/* The reviewer's list of reports: filters by template, period, status and unit, pages, unit names. */
describe('listing reports', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  let reviewer: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
    for (const [username, unitId] of [['officer.a', fx.units.A], ['officer.b', fx.units.B]] as const) {
      const session = await loginAs(fx.app, username);
      for (const periodId of ['2026-Q1', '2026-Q2', '2026-Q3']) {
        const created = await fx.app.inject({ method: 'POST', url: '/api/reports', cookies: session.cookies, headers: { 'x-csrf-token': session.csrf }, payload: { unitId, templateId: 'mac-dinh-xa', periodId } });
        expect(created.statusCode, created.body).toBe(200);
      }
    }
    const c = await loginAs(fx.app, 'officer.c');
    await fx.app.inject({ method: 'POST', url: '/api/reports', cookies: c.cookies, headers: { 'x-csrf-token': c.csrf }, payload: { unitId: fx.units.C, templateId: 'mac-dinh-xa', periodId: '2026-Q1' } });
    reviewer = await loginAs(fx.app, 'reviewer');
  });
  afterAll(async () => fx.close());

  const list = async (query: string, who = reviewer) => {
    const response = await fx.app.inject({ method: 'GET', url: `/api/reports?${query}`, cookies: who.cookies });
    return { status: response.statusCode, body: response.json() as { reports: Array<{ unitName: string; periodId: string; status: string }>; total: number; page: number; pageSize: number } };
  };

  it('lists the province’s reports newest period first, with unit names, and only its own', async () => {
    const { body } = await list(`unitId=${fx.units.P}`);
    expect(body.total).toBe(6);
    expect(body.reports.map((r) => `${r.periodId} ${r.unitName}`)).toEqual([
      '2026-Q3 Xã Ba Bể',
      '2026-Q3 Xã Chợ Đồn',
      '2026-Q2 Xã Ba Bể',
      '2026-Q2 Xã Chợ Đồn',
      '2026-Q1 Xã Ba Bể',
      '2026-Q1 Xã Chợ Đồn',
    ]);
  });

  it('filters by period, unit, status and template, and pages', async () => {
    expect((await list(`unitId=${fx.units.P}&periodId=2026-Q2`)).body.reports.map((r) => r.unitName)).toEqual(['Xã Ba Bể', 'Xã Chợ Đồn']);
    expect((await list(`unitId=${fx.units.B}`)).body.reports.map((r) => r.periodId)).toEqual(['2026-Q3', '2026-Q2', '2026-Q1']);
    expect((await list(`unitId=${fx.units.P}&status=draft`)).body.total).toBe(6);
    expect((await list(`unitId=${fx.units.P}&status=approved`)).body.total).toBe(0);
    expect((await list(`unitId=${fx.units.P}&templateId=thai-nguyen-xa-quy`)).body.total).toBe(0);
    const second = await list(`unitId=${fx.units.P}&pageSize=4&page=2`);
    expect(second.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(second.body.reports.map((r) => `${r.periodId} ${r.unitName}`)).toEqual(['2026-Q1 Xã Ba Bể', '2026-Q1 Xã Chợ Đồn']);
  });

  it('refuses a bad filter with a message, and a foreign unit like an unknown one', async () => {
    const bad = await list(`unitId=${fx.units.P}&status=xong&pageSize=5000`);
    expect(bad.status).toBe(400);
    const foreign = await list(`unitId=${fx.units.C}`);
    const unknown = await list('unitId=999999');
    expect([foreign.status, unknown.status]).toEqual([403, 403]);
    // An officer sees its own unit only.
    const officer = await loginAs(fx.app, 'officer.a');
    expect((await list(`unitId=${fx.units.A}`, officer)).body.total).toBe(3);
    expect((await list(`unitId=${fx.units.P}`, officer)).status).toBe(403);
  });
});
