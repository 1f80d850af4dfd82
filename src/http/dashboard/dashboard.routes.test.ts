import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { TEST_PROCEDURES, tempFile } from '../../services/dossiers/testing/dossier-test-setup';
import { seedDashboardWorld } from '../../services/dashboard/testing/dashboard-fixture';
import { testEngineName } from '../../store/testing/test-store';
import { loginAs, openHttpFixture } from '../testing/http-fixture';

async function readSheet(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe(`dashboard over HTTP on ${testEngineName()}`, () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
    await importProcedures(fx.store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
    await seedDashboardWorld(fx.store, fx.units.P);
  });
  afterAll(async () => fx.close());

  const get = async (username: string, url: string) => fx.app.inject({ method: 'GET', url, cookies: (await loginAs(fx.app, username)).cookies });

  it('trend: the province’s key rates per quarter', async () => {
    const response = await get('reviewer', `/api/dashboard/trend?unitId=${fx.units.P}&kind=quarter&periodId=2026-Q1&count=2`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.unit.name).toBe('Tỉnh Thái Nguyên');
    expect(body.rates.map((r: { label: string }) => r.label)).toEqual([
      'Tỷ lệ giải quyết đúng hạn',
      'Tỷ lệ tiếp nhận trực tuyến',
      'Tỷ lệ số hóa hồ sơ',
      'Tỷ lệ thanh toán trực tuyến',
    ]);
    expect(body.points.map((p: { id: string }) => p.id)).toEqual(['2025-Q4', '2026-Q1']);
    expect(body.points[1].rates).toEqual({
      on_time_pct: { value: 75, numerator: 6, denominator: 8 },
      online_pct: { value: 37.5, numerator: 3, denominator: 8 },
      digitized_input_pct: { value: 62.5, numerator: 5, denominator: 8 },
      payment_online_pct: { value: 50, numerator: 1, denominator: 2 },
    });
  });

  it('ranking and distribution of the communes, by a chosen rate', async () => {
    const ranking = await get('reviewer', `/api/dashboard/ranking?unitId=${fx.units.P}&periodId=2026-Q1&rate=on_time_pct`);
    expect(ranking.statusCode, ranking.body).toBe(200);
    expect(ranking.json().items.map((i: { rank: number | null; unit: { name: string }; rate: { value: number | null } }) => [i.rank, i.unit.name, i.rate.value])).toEqual([
      [1, 'Xã Chợ Đồn', 100],
      [2, 'Xã Ba Bể', 75],
      [3, 'Huyện Thử', 50],
      [null, 'Xã Không Hồ Sơ', null],
    ]);
    const distribution = await get('admin', `/api/dashboard/distribution?unitId=${fx.units.P}&periodId=2026-Q1&rate=online_pct`);
    expect(distribution.statusCode, distribution.body).toBe(200);
    // Online: Huyện Thử 0 %, Ba Bể 25 %, Chợ Đồn 100 %, one commune without dossiers.
    expect(distribution.json().buckets.filter((b: { count: number }) => b.count > 0).map((b: { label: string; count: number }) => [b.label, b.count])).toEqual([
      ['0–10%', 1],
      ['20–30%', 1],
      ['90–100%', 1],
      ['Không có hồ sơ', 1],
    ]);
  });

  it('an officer sees only its own commune; bad periods are refused in Vietnamese', async () => {
    const own = await get('officer.a', `/api/dashboard/trend?unitId=${fx.units.A}&kind=month&periodId=2026-M01&count=2`);
    expect(own.statusCode, own.body).toBe(200);
    for (const url of [
      `/api/dashboard/trend?unitId=${fx.units.P}`,
      `/api/dashboard/ranking?unitId=${fx.units.B}`,
      `/api/dashboard/distribution?unitId=${fx.units.C}`,
      `/api/dashboard/trend?unitId=${fx.units.B}&format=xlsx`,
    ]) {
      const denied = await get('officer.a', url);
      expect(denied.statusCode, url).toBe(403);
      expect(denied.json().error.message).toBe('Bạn không có quyền truy cập dữ liệu của đơn vị này.');
    }
    expect((await get('reviewer', `/api/dashboard/ranking?unitId=${fx.units.Q}`)).statusCode).toBe(403);

    const badPeriod = await get('reviewer', `/api/dashboard/ranking?unitId=${fx.units.P}&periodId=2026-Q7`);
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.message).toMatch(/Kỳ báo cáo không hợp lệ: "2026-Q7" \(quý phải từ 1 đến 4\)/);
    const wrongKind = await get('reviewer', `/api/dashboard/trend?unitId=${fx.units.P}&kind=year&periodId=2026-Q1`);
    expect(wrongKind.json().error.message).toBe('Kỳ "2026-Q1" không phải là kỳ năm.');
    const badRate = await get('reviewer', `/api/dashboard/ranking?unitId=${fx.units.P}&rate=nonsense`);
    expect(badRate.statusCode).toBe(400);
    expect(badRate.json().error.code).toBe('invalid_input');
    const anonymous = await fx.app.inject({ method: 'GET', url: `/api/dashboard/trend?unitId=${fx.units.P}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('each chart’s data as XLSX: Vietnamese headers, numbers as numbers, rates in a percent format', async () => {
    const trend = await get('reviewer', `/api/dashboard/trend?unitId=${fx.units.P}&kind=quarter&periodId=2026-Q1&count=2&format=xlsx`);
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(trend.headers['content-disposition']).toBe('attachment; filename="xu-huong-19-quarter-2026-Q1.xlsx"');
    const trendSheet = await readSheet(trend.rawPayload);
    expect(trendSheet.getRow(1).getCell(1).value).toBe('Xu hướng các chỉ tiêu chính — Tỉnh Thái Nguyên (gồm đơn vị trực thuộc)');
    const header = trendSheet.getRow(5);
    expect([1, 2, 4, 6, 9].map((c) => header.getCell(c).value)).toEqual(['Kỳ', 'Từ ngày', 'Hồ sơ tiếp nhận', 'Tỷ lệ giải quyết đúng hạn', 'Tỷ lệ tiếp nhận trực tuyến']);
    expect([6, 7, 8].map((c) => trendSheet.getRow(6).getCell(c).value)).toEqual(['Tỷ lệ', 'Hồ sơ giải quyết trước hạn và đúng hạn', 'Hồ sơ đã giải quyết']);
    const q1 = trendSheet.getRow(8);
    expect(q1.getCell(1).value).toBe('Quý I năm 2026');
    expect(q1.getCell(2).value).toEqual(new Date('2025-12-15T00:00:00Z'));
    expect(q1.getCell(4).value).toBe(8);
    expect(q1.getCell(6).value).toBe(0.75);
    expect(q1.getCell(6).numFmt).toBe('0.00%');
    expect([7, 8, 9].map((c) => q1.getCell(c).value)).toEqual([6, 8, 0.375]);
    expect(trendSheet.getRow(7).getCell(15).value).toBeNull(); // Q4/2025: no fee, no payment rate

    const ranking = await get('reviewer', `/api/dashboard/ranking?unitId=${fx.units.P}&periodId=2026-Q1&rate=digitized_input_pct&format=xlsx`);
    expect(ranking.headers['content-disposition']).toBe('attachment; filename="xep-hang-19-2026-Q1-digitized_input_pct.xlsx"');
    const rankingSheet = await readSheet(ranking.rawPayload);
    expect(rankingSheet.getRow(5).values).toEqual([
      undefined,
      'Hạng',
      'Mã đơn vị',
      'Tên đơn vị',
      'Tỷ lệ số hóa hồ sơ',
      'Hồ sơ đã số hóa đầu vào',
      'Hồ sơ tiếp nhận trong kỳ',
      'Hồ sơ tiếp nhận',
      'Hồ sơ đã giải quyết',
    ]);
    expect(rankingSheet.getRow(6).values).toEqual([undefined, 1, '02020', 'Xã Chợ Đồn', 1, 2, 2, 2, 2]);
    expect(rankingSheet.getRow(7).values).toEqual([undefined, 2, '01906', 'Xã Ba Bể', 0.5, 2, 4, 4, 4]);
    expect(rankingSheet.getRow(9).getCell(4).value).toBeNull(); // Xã Không Hồ Sơ

    const distribution = await get('reviewer', `/api/dashboard/distribution?unitId=${fx.units.P}&periodId=2026-Q1&format=xlsx`);
    const distributionSheet = await readSheet(distribution.rawPayload);
    expect(distributionSheet.getRow(5).getCell(1).value).toBe('Khoảng tỷ lệ');
    const band = (label: string) => {
      let found: ExcelJS.Row | undefined;
      distributionSheet.eachRow((row) => (row.getCell(1).value === label ? (found = row) : undefined));
      return found!;
    };
    expect([2, 3, 4, 5, 6].map((c) => band('70–80%').getCell(c).value)).toEqual([70, 80, 1, 0.25, 'Xã Ba Bể']);
    expect(band('Không có hồ sơ').getCell(4).value).toBe(1);
  });

  it('turns a table the page holds into XLSX (the completeness chart), with the CSRF token', async () => {
    const session = await loginAs(fx.app, 'reviewer');
    const payload = {
      title: 'Tình hình nộp báo cáo',
      fileName: 'tinh-hinh-nop-bao-cao.xlsx',
      columns: [
        { header: 'Kỳ', format: 'text' },
        { header: 'Phải nộp', format: 'integer' },
        { header: 'Tỷ lệ đã nộp', format: 'percent' },
      ],
      rows: [
        ['Quý I năm 2026', 96, 87.5],
        ['Quý II năm 2026', 96, null],
      ],
    };
    const refused = await fx.app.inject({ method: 'POST', url: '/api/dashboard/table.xlsx', cookies: session.cookies, payload });
    expect(refused.statusCode).toBe(403);
    const response = await fx.app.inject({ method: 'POST', url: '/api/dashboard/table.xlsx', cookies: session.cookies, headers: { 'x-csrf-token': session.csrf }, payload });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="tinh-hinh-nop-bao-cao.xlsx"');
    const sheet = await readSheet(response.rawPayload);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Kỳ', 'Phải nộp', 'Tỷ lệ đã nộp']);
    expect(sheet.getRow(4).values).toEqual([undefined, 'Quý I năm 2026', 96, 0.875]);
    expect(sheet.getRow(4).getCell(3).numFmt).toBe('0.00%');
    expect(sheet.getRow(5).getCell(3).value).toBeNull();
  });

  it('documents the endpoints in the OpenAPI file', async () => {
    const doc = (await fx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/dashboard/trend', '/api/dashboard/ranking', '/api/dashboard/distribution']) {
      expect(doc.paths[path].get.tags).toEqual(['Bảng điều khiển']);
      expect(doc.paths[path].get.parameters.map((p: { name: string }) => p.name)).toContain('format');
    }
    expect(doc.paths['/api/dashboard/table.xlsx'].post).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['DashboardTrend', 'DashboardRanking', 'DashboardDistribution']));
  });
});
