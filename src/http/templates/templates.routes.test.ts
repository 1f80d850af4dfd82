import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openHttpFixture } from '../testing/http-fixture';

describe('templates a unit sees', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  const ids = async (username: string, unitId?: number) => {
    const session = await loginAs(fx.app, username);
    const response = await fx.app.inject({ method: 'GET', url: `/api/templates${unitId ? `?unitId=${unitId}` : ''}`, cookies: session.cookies });
    return { status: response.statusCode, body: response.json() as { templates: Array<{ id: string; provinces: string[] | null }>; error?: { message: string } } };
  };

  it('lists for a unit only its province’s forms and the forms for every province', async () => {
    const thaiNguyen = await ids('officer.a', fx.units.A);
    expect(thaiNguyen.body.templates.map((t) => t.id).sort()).toEqual(['mac-dinh-xa', 'thai-nguyen-xa-2cap', 'thai-nguyen-xa-quy']);
    const thanhHoa = await ids('officer.c', fx.units.C);
    expect(thanhHoa.body.templates.map((t) => t.id).sort()).toEqual(['mac-dinh-xa', 'thanh-hoa-xa-quy']);
    // The province's reviewer sees the commune forms of its province.
    expect((await ids('reviewer', fx.units.P)).body.templates.map((t) => t.id).sort()).toEqual(['mac-dinh-xa', 'thai-nguyen-xa-2cap', 'thai-nguyen-xa-quy']);
    // Without a unit: every shipped form, each saying which provinces use it.
    const all = await ids('officer.a');
    expect(all.body.templates.find((t) => t.id === 'thai-nguyen-xa-quy')?.provinces).toEqual(['19']);
    expect(all.body.templates.find((t) => t.id === 'mac-dinh-xa')?.provinces).toBeNull();
  });

  it('answers a unit outside the user’s area like an unknown one', async () => {
    const foreign = await ids('officer.a', fx.units.C);
    const unknown = await ids('officer.a', 999_999);
    expect(foreign.status).toBe(403);
    expect(unknown.status).toBe(403);
    expect(foreign.body.error?.message).toBe(unknown.body.error?.message);
  });
});
