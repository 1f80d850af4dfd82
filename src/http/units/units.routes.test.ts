import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openHttpFixture } from '../testing/http-fixture';

describe('units over HTTP, scoped by the unit tree', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  const get = async (username: string, url: string) => {
    const { cookies } = await loginAs(fx.app, username);
    return fx.app.inject({ method: 'GET', url, cookies });
  };

  it('lets an officer open its own commune but not a neighbour, its province, or a guessed id', async () => {
    const { A, B, P } = fx.units;
    const own = await get('officer.a', `/api/units/${A}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().unit.name).toBe('Xã Ba Bể');
    expect(own.json().ancestors.map((u: { name: string }) => u.name)).toEqual(['Tỉnh Thái Nguyên']);
    for (const id of [B, P, 999999]) {
      const denied = await get('officer.a', `/api/units/${id}`);
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).toEqual({ error: { code: 'forbidden', message: 'Bạn không có quyền truy cập dữ liệu của đơn vị này.' } });
    }
    expect((await get('officer.a', `/api/units/${B}/subtree`)).statusCode).toBe(403);
  });

  it('lets a reviewer read its whole subtree and nothing outside it', async () => {
    const { A, B, C, P, Q } = fx.units;
    for (const id of [P, A, B]) expect((await get('reviewer', `/api/units/${id}`)).statusCode).toBe(200);
    for (const id of [Q, C]) expect((await get('reviewer', `/api/units/${id}`)).statusCode).toBe(403);
    const subtree = await get('reviewer', `/api/units/${P}/subtree`);
    expect(subtree.json().units.map((u: { code: string }) => u.code)).toEqual(['19', '01906', '02020']);
  });

  it('serves the public directory with search without diacritics', async () => {
    const roots = await get('officer.a', '/api/units?asOf=2026-01-01');
    expect(roots.json().units.map((u: { code: string; childCount: number }) => [u.code, u.childCount])).toEqual([
      ['19', 2],
      ['38', 1],
    ]);
    const found = await get('officer.a', '/api/units?q=hoang%20luu');
    expect(found.json().units.map((u: { name: string }) => u.name)).toEqual(['Xã Hoằng Lưu']);
    const within = await get('officer.a', `/api/units?q=hoang%20luu&withinId=${fx.units.P}`);
    expect(within.json().units).toEqual([]);
  });

  it('rejects a malformed date with a Vietnamese message naming the field', async () => {
    const response = await get('officer.a', '/api/units?asOf=2026-02-30x');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/asOf/);
  });
});
