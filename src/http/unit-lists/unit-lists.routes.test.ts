import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngineName } from '../../store/testing/test-store';
import { loginAs, openHttpFixture } from '../testing/http-fixture';
import { multipartBody } from '../testing/multipart';

describe(`procedure list and registers over HTTP on ${testEngineName()}`, () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  const call = async (username: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const session = await loginAs(fx.app, username);
    return fx.app.inject({ method, url, ...(payload ? { payload } : {}), cookies: session.cookies, headers: { 'x-csrf-token': session.csrf } });
  };
  const upload = async (username: string, url: string, name: string, content: string) => {
    const session = await loginAs(fx.app, username);
    const body = multipartBody({}, { field: 'file', name, content });
    return fx.app.inject({ method: 'POST', url, payload: body.payload, cookies: session.cookies, headers: { ...body.headers, 'x-csrf-token': session.csrf } });
  };
  const actions = async () => (await sql<{ action: string; outcome: string }>`SELECT action, outcome FROM audit_log WHERE action LIKE 'unit-procedures.%' OR action LIKE 'register.%' ORDER BY id`.execute(fx.store.db)).rows;

  it('imports, lists, corrects and removes the procedure list of the officer’s own commune, every change audited', async () => {
    const csv = 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ,Hiệu lực từ,Niêm yết tại Bộ phận một cửa\n1.001193,Đăng ký khai sinh,Hộ tịch,Xã,Toàn trình,01/07/2025,Có\n1.000894,Đăng ký kết hôn,Hộ tịch,Xã,Một phần,01/07/2025,Có';
    const imported = await upload('officer.a', `/api/units/${fx.units.A}/procedures/import`, 'danh-muc.csv', csv);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 2, inserted: 2 });
    const list = await call('officer.a', 'GET', `/api/units/${fx.units.A}/procedures`);
    expect(list.statusCode).toBe(200);
    const first = list.json().procedures[0];
    expect(first).toMatchObject({ code: '1.000894', onlineMode: 'partial', validFrom: '2025-07-01', flags: { posted: true, online_payment: false } });
    expect(first.cells).toMatchObject({ mode: 'Một phần', validFrom: '01/07/2025', posted: 'Có' });
    const edited = await call('officer.a', 'PUT', `/api/units/${fx.units.A}/procedures/${first.id}`, { cells: { ...first.cells, online_payment: 'Có' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().flags.online_payment).toBe(true);
    const removed = await call('officer.a', 'DELETE', `/api/units/${fx.units.A}/procedures/${first.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call('officer.a', 'GET', `/api/units/${fx.units.A}/procedures`)).json().procedures).toHaveLength(1);
    expect(await actions()).toEqual([
      { action: 'unit-procedures.import', outcome: 'ok' },
      { action: 'unit-procedures.update', outcome: 'ok' },
      { action: 'unit-procedures.delete', outcome: 'ok' },
    ]);
  });

  it('refuses bad input at the edge and bad rows by row and column, in Vietnamese, storing nothing', async () => {
    const bad = await upload('officer.a', `/api/units/${fx.units.A}/registers/staff/import`, 'can-bo.csv', 'Chức danh,Loại,Từ ngày\nChủ tịch,Giám đốc,01/01/2026\n,Cán bộ,hôm qua');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.issues.map((i: { row: number; column: string }) => `${i.row}:${i.column}`)).toEqual(['2:Loại', '3:Chức danh', '3:Từ ngày']);
    const wrongKind = await call('officer.a', 'GET', `/api/units/${fx.units.A}/registers/luong`);
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toContain('Sổ không tồn tại');
    const tooLong = await call('officer.a', 'POST', `/api/units/${fx.units.A}/registers/staff`, { cells: { position: 'x'.repeat(2001), category: 'Cán bộ', startDay: '01/01/2026' } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('Mỗi ô tối đa 2.000 ký tự.');
    const badRow = await call('officer.a', 'POST', `/api/units/${fx.units.A}/registers/staff`, { cells: { position: 'Chủ tịch', category: 'Cán bộ', startDay: '31/02/2026' } });
    expect(badRow.statusCode).toBe(400);
    expect(badRow.json().error.message).toBe('Cột "Từ ngày": ngày "31/02/2026" không hợp lệ (ngày/tháng/năm, ví dụ 01/07/2025).');
    expect((await call('officer.a', 'GET', `/api/units/${fx.units.A}/registers/staff`)).json().entries).toEqual([]);
  });

  it('keeps a register entry to its unit: another commune’s officer and an unknown entry get the same answer', async () => {
    const added = await call('officer.a', 'POST', `/api/units/${fx.units.A}/registers/equipment`, { cells: { item: 'Máy tính', name: 'Máy tính bàn', quantity: '12', startDay: '01/01/2026' } });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().data).toEqual({ item: 'computer', name: 'Máy tính bàn', quantity: 12, in_use: true });
    const id = added.json().id as number;
    const foreign = await call('officer.b', 'PUT', `/api/units/${fx.units.A}/registers/equipment/${id}`, { cells: { item: 'Máy tính', name: 'Trộm', startDay: '01/01/2026' } });
    const viaOwnUnit = await call('officer.b', 'PUT', `/api/units/${fx.units.B}/registers/equipment/${id}`, { cells: { item: 'Máy tính', name: 'Trộm', startDay: '01/01/2026' } });
    const unknown = await call('officer.b', 'PUT', `/api/units/${fx.units.B}/registers/equipment/999999`, { cells: { item: 'Máy tính', name: 'Trộm', startDay: '01/01/2026' } });
    expect([foreign.statusCode, viaOwnUnit.statusCode, unknown.statusCode]).toEqual([403, 403, 403]);
    expect(viaOwnUnit.json()).toEqual(unknown.json());
    expect(foreign.json()).toEqual(unknown.json());
    // The reviewer of the province reads it.
    const read = await call('reviewer', 'GET', `/api/units/${fx.units.A}/registers/equipment`);
    expect(read.json().entries.map((e: { cells: Record<string, string> }) => e.cells.name)).toEqual(['Máy tính bàn']);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await fx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/units/{unitId}/procedures', '/api/units/{unitId}/procedures/import', '/api/units/{unitId}/registers/{register}/{entryId}']),
    );
  });
});
