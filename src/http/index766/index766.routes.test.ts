import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { TEST_PROCEDURES, tempFile } from '../../services/dossiers/testing/dossier-test-setup';
import { seedIndexDossiers } from '../../services/index766/testing/index766-fixture';
import { testEngineName } from '../../store/testing/test-store';
import { loginAs, openHttpFixture } from '../testing/http-fixture';

describe(`index 766 over HTTP on ${testEngineName()}`, () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
    await importProcedures(fx.store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
    await seedIndexDossiers(fx.store);
  });
  afterAll(async () => fx.close());

  const get = async (username: string, url: string) => fx.app.inject({ method: 'GET', url, cookies: (await loginAs(fx.app, username)).cookies });
  const put = async (username: string, payload: unknown) => {
    const session = await loginAs(fx.app, username);
    return fx.app.inject({ method: 'PUT', url: '/api/index766/inputs', payload: payload as object, cookies: session.cookies, headers: { 'x-csrf-token': session.csrf } });
  };
  const actions = async () => (await sql<{ action: string; outcome: string }>`SELECT action, outcome FROM audit_log ORDER BY id`.execute(fx.store.db)).rows;

  it("gives a province's score from its summed parts, with its communes ranked", async () => {
    const response = await get('reviewer', `/api/index766?unitId=${fx.units.P}&periodId=2026-M10`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.profile.id).toBe('qd766-6-nhom');
    expect(body.score.groups.map((g: { name: string }) => g.name)).toHaveLength(6);
    const progress = body.score.groups[1].indicators[0];
    expect(progress).toMatchObject({ id: 'tien_do', numerator: 4, denominator: 8, points: 10 });
    expect(body.children.map((c: { unit: { code: string }; rank: number }) => [c.unit.code, c.rank])).toEqual([
      ['02020', 1],
      ['01906', 2],
    ]);
    const trend = await get('reviewer', `/api/index766/trend?unitId=${fx.units.P}&periodId=2026-M10&count=3`);
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.json().points.map((p: { id: string }) => p.id)).toEqual(['2026-M08', '2026-M09', '2026-M10']);
  });

  it('answers a foreign unit and an unknown one alike', async () => {
    const foreign = await get('officer.a', `/api/index766?unitId=${fx.units.B}&periodId=2026-M10`);
    const unknown = await get('officer.a', `/api/index766?unitId=987654&periodId=2026-M10`);
    const otherProvince = await get('officer.c', `/api/index766/against?unitId=${fx.units.A}&periodId=2026-M10&indicatorId=tien_do`);
    expect(foreign.statusCode).toBe(403);
    expect(unknown.statusCode).toBe(403);
    expect(otherProvince.statusCode).toBe(403);
    expect(unknown.json()).toEqual(foreign.json());
    expect(otherProvince.json()).toEqual(foreign.json());
  });

  it('checks its inputs at the edge, in Vietnamese', async () => {
    const bad = await get('reviewer', `/api/index766/against?unitId=${fx.units.P}&periodId=2026-M10&indicatorId=DROP%20TABLE&limit=100000`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Mã chỉ số|tối đa|nhỏ hơn|lớn hơn/);
    const unknownIndicator = await get('reviewer', `/api/index766/against?unitId=${fx.units.P}&periodId=2026-M10&indicatorId=khong_co`);
    expect(unknownIndicator.statusCode).toBe(400);
    expect(unknownIndicator.json().error.message).toContain('không có chỉ số "khong_co"');
  });

  it('lists and downloads the dossiers that cost a commune its points; the download is audited', async () => {
    const list = await get('officer.a', `/api/index766/against?unitId=${fx.units.A}&periodId=2026-M10&indicatorId=tien_do`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().dossiers.map((d: { code: string }) => d.code)).toEqual(['A0', 'A2', 'A3', 'A5']);
    const file = await get('officer.a', `/api/index766/against.xlsx?unitId=${fx.units.A}&periodId=2026-M10&indicatorId=tien_do`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toContain('chi-so-766-01906-2026-M10-tien-do.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 5) codes.push(String(row.getCell(2).value));
    });
    expect(codes).toEqual(['A0', 'A2', 'A3', 'A5']);
    expect(String(sheet.getRow(8).getCell(12).value)).toContain('yêu cầu bổ sung 2 lần');
    expect((await actions()).some((a) => a.action === 'index766.against.download' && a.outcome === 'ok')).toBe(true);
  });

  it('saves manual inputs for the own unit only, bounded, audited', async () => {
    const ok = await put('officer.a', { unitId: fx.units.A, month: '2026-10', values: { pakn_tong: 4, pakn_dung_han: 3 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().inputs.find((i: { key: string }) => i.key === 'pakn_tong').value).toBe(4);
    const foreign = await put('officer.a', { unitId: fx.units.B, month: '2026-10', values: { pakn_tong: 1 } });
    expect(foreign.statusCode).toBe(403);
    const negative = await put('officer.a', { unitId: fx.units.A, month: '2026-10', values: { pakn_tong: -1 } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toContain('không được âm');
    const score = await get('officer.a', `/api/index766?unitId=${fx.units.A}&periodId=2026-M10`);
    const pakn = score.json().score.groups.flatMap((g: { indicators: unknown[] }) => g.indicators).find((i: { id: string }) => i.id === 'pakn_dung_han');
    expect(pakn).toMatchObject({ numerator: 3, denominator: 4, points: 4.5 });
    const saves = (await actions()).filter((a) => a.action === 'index766.inputs.save');
    expect(saves.map((a) => a.outcome)).toEqual(['ok', 'refused', 'rejected']);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await fx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/index766', '/api/index766/trend', '/api/index766/against', '/api/index766/against.xlsx', '/api/index766/inputs', '/api/index766/profiles']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
