import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { DOSSIER_HEADER, TEST_PROCEDURES, tempFile } from '../../services/dossiers/testing/dossier-test-setup';
import { addUser } from '../../services/users/add-user';
import { loginAs, openHttpFixture, PASSWORD } from '../testing/http-fixture';
import { multipartBody } from '../testing/multipart';

/** One good and one bad row of Xã Chợ Đồn (02020), with the dossier code under a local header. */
const CSV = (codeHeader: string) =>
  [
    DOSSIER_HEADER.replace('Mã hồ sơ', codeHeader),
    'CD-1,02020,1.001022,,,,Trực tiếp,07/01/2026 09:00,12/01/2026 17:00,,,Đang giải quyết,,,,,',
    'CD-2,02020,1.001022,,,,Trực tiếp,31/02/2026 09:00,,,,Đang giải quyết,,,,,',
  ].join('\n');

describe('import runs and column mappings follow the unit-subtree rule', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
    await importProcedures(fx.store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
    await addUser(fx.store, { username: 'admin.a', displayName: 'Quản trị xã A', password: PASSWORD, role: 'admin', unitId: fx.units.A });
    await addUser(fx.store, { username: 'admin.q', displayName: 'Quản trị tỉnh Q', password: PASSWORD, role: 'admin', unitId: fx.units.Q });
    await addUser(fx.store, { username: 'reviewer.q', displayName: 'Thẩm định tỉnh Q', password: PASSWORD, role: 'reviewer', unitId: fx.units.Q });
  });
  afterAll(async () => fx.close());

  async function upload(username: string, content: string) {
    const session = await loginAs(fx.app, username);
    const body = multipartBody({ source: 'motcua' }, { field: 'file', name: 'ho-so.csv', content });
    const started = await fx.app.inject({
      method: 'POST',
      url: '/api/dossier-imports',
      cookies: session.cookies,
      headers: { ...body.headers, 'x-csrf-token': session.csrf },
      payload: body.payload,
    });
    expect(started.statusCode, started.body).toBe(202);
    for (;;) {
      const job = await fx.app.inject({ method: 'GET', url: `/api/dossier-imports/jobs/${started.json().id}`, cookies: session.cookies });
      if (job.json().state !== 'running') return job.json();
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const as = async (username: string) => {
    const session = await loginAs(fx.app, username);
    return {
      get: (url: string) => fx.app.inject({ method: 'GET', url, cookies: session.cookies }),
      put: (url: string, payload: object) =>
        fx.app.inject({ method: 'PUT', url, cookies: session.cookies, headers: { 'x-csrf-token': session.csrf }, payload }),
    };
  };
  const answer = (response: { statusCode: number; json: () => unknown }) => ({ status: response.statusCode, body: response.json() });

  it('serves rejected rows only within the importing unit’s subtree; foreign runs answer like unknown ones', async () => {
    const job = await upload('officer.b', CSV('Mã hồ sơ'));
    expect(job.result).toMatchObject({ inserted: 1, rejected: 1 });
    const url = `/api/dossier-imports/${job.result.runId}/rejected.xlsx`;
    for (const username of ['officer.b', 'reviewer', 'admin']) expect((await (await as(username)).get(url)).statusCode, username).toBe(200);
    for (const username of ['officer.a', 'admin.a', 'admin.q', 'reviewer.q']) {
      const client = await as(username);
      const unknown = await client.get('/api/dossier-imports/987654/rejected.xlsx');
      expect(unknown.statusCode).toBe(403);
      expect(answer(await client.get(url)), username).toEqual(answer(unknown));
    }
  });

  it('keeps column mappings per province: saved by its admins, read and used only inside it', async () => {
    const provinceAdmin = await as('admin');
    const saved = await provinceAdmin.put('/api/import-sources/motcua', { columnMap: { code: 'Số biên nhận hồ sơ' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ unitId: fx.units.P, savedFor: fx.units.P });

    // The province's communes read and import with it; the other province does not see it.
    const readByB = (await (await as('officer.b')).get('/api/import-sources/motcua')).json();
    expect(readByB).toMatchObject({ unitId: fx.units.B, savedFor: fx.units.P, columnMap: { code: 'Số biên nhận hồ sơ' } });
    expect((await upload('officer.b', CSV('Số biên nhận hồ sơ'))).result).toMatchObject({ rejected: 1 });
    expect((await (await as('admin.q')).get('/api/import-sources/motcua')).json()).toMatchObject({ savedFor: null, columnMap: {} });
    const inQ = await upload('officer.c', CSV('Số biên nhận hồ sơ'));
    expect(inQ.state).toBe('failed');
    expect(inQ.error).toMatch(/không tìm thấy cột "Mã hồ sơ"/);

    // Another province's admin saves its own without touching the first province's.
    expect((await (await as('admin.q')).put('/api/import-sources/motcua', { columnMap: { code: 'Mã biên nhận' } })).statusCode).toBe(200);
    expect((await provinceAdmin.get('/api/import-sources/motcua')).json().columnMap).toEqual({ code: 'Số biên nhận hồ sơ' });

    // Out of scope: a commune admin cannot write its province's mapping, nobody reads or writes another
    // province's; each answers exactly like an unknown unit.
    const cases: Array<[string, 'get' | 'put', number]> = [
      ['admin.a', 'put', fx.units.P],
      ['admin.a', 'put', fx.units.B],
      ['admin.a', 'get', fx.units.B],
      ['admin.q', 'put', fx.units.P],
      ['admin.q', 'get', fx.units.A],
      ['reviewer.q', 'get', fx.units.P],
      ['officer.a', 'get', fx.units.B],
    ];
    for (const [username, method, unitId] of cases) {
      const client = await as(username);
      const call = (id: number) =>
        method === 'get'
          ? client.get(`/api/import-sources/motcua?unitId=${id}`)
          : client.put('/api/import-sources/motcua', { columnMap: { code: 'Bị chiếm' }, unitId: id });
      const unknown = await call(987_654);
      expect(unknown.statusCode).toBe(403);
      expect(answer(await call(unitId)), `${username} ${method} ${unitId}`).toEqual(answer(unknown));
    }
    expect((await provinceAdmin.get('/api/import-sources/motcua')).json().columnMap).toEqual({ code: 'Số biên nhận hồ sơ' });
    expect((await (await as('officer.b')).get('/api/import-sources/motcua')).json().columnMap).toEqual({ code: 'Số biên nhận hồ sơ' });

    // A commune admin's own mapping applies to its commune only.
    expect((await (await as('admin.a')).put('/api/import-sources/motcua', { columnMap: { code: 'Mã của xã' } })).json()).toMatchObject({ savedFor: fx.units.A });
    expect((await (await as('officer.a')).get('/api/import-sources/motcua')).json()).toMatchObject({ savedFor: fx.units.A, columnMap: { code: 'Mã của xã' } });
    expect((await (await as('officer.b')).get('/api/import-sources/motcua')).json()).toMatchObject({ savedFor: fx.units.P });
    const audited = (await fx.store.audit.list(50)).filter((entry) => entry.action === 'import-source.map' && entry.outcome === 'ok');
    expect(audited.map((entry) => entry.unit?.id).sort()).toEqual([fx.units.P, fx.units.Q, fx.units.A].sort());
  });

  it('falls back to the installation-wide mapping (the global one of before) when a province has none', async () => {
    await fx.store.importRuns.saveColumnMap('cu', null, { code: 'Mã rất cũ' });
    await fx.store.importRuns.saveColumnMap('cu', null, { code: 'Mã cũ' });
    expect((await (await as('officer.c')).get('/api/import-sources/cu')).json()).toMatchObject({ savedFor: null, columnMap: { code: 'Mã cũ' } });
    await (await as('admin')).put('/api/import-sources/cu', { columnMap: { code: 'Mã mới' } });
    expect((await (await as('officer.b')).get('/api/import-sources/cu')).json().columnMap).toEqual({ code: 'Mã mới' });
    expect((await (await as('officer.c')).get('/api/import-sources/cu')).json().columnMap).toEqual({ code: 'Mã cũ' });
    // Saving again replaces the unit's own mapping (and the default stays one row).
    await (await as('admin')).put('/api/import-sources/cu', { columnMap: { code: 'Mã mới hơn' } });
    expect((await (await as('officer.b')).get('/api/import-sources/cu')).json().columnMap).toEqual({ code: 'Mã mới hơn' });
    const rows = await fx.store.db.selectFrom('import_sources').select(['unit_id']).where('name', '=', 'cu').execute();
    expect(rows.map((row) => row.unit_id).sort()).toEqual([null, fx.units.P].sort());
  });
});
