import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { DOSSIER_HEADER, TEST_PROCEDURES, tempFile } from '../../services/dossiers/testing/dossier-test-setup';
import { loginAs, openHttpFixture } from '../testing/http-fixture';
import { multipartBody } from '../testing/multipart';

const CSV = [
  DOSSIER_HEADER,
  'HS-1,01906,1.001193,,,,Trực tuyến,05/01/2026 08:00,05/01/2026 17:00,05/01/2026 10:00,,Đã có kết quả,x,x,,,Hài lòng',
  'HS-2,01906,2.000884,,,,Trực tiếp,06/01/2026 09:00,06/01/2026 17:00,08/01/2026 09:00,,Đã có kết quả,1,0,Có,Có,',
  'HS-3,01906,1.001022,,,,Trực tiếp,07/01/2026 09:00,12/01/2026 17:00,,,Đang giải quyết,,,,,',
  'HS-4,01906,1.001022,,,,Trực tiếp,31/02/2026 09:00,,,,Đang giải quyết,,,,,',
  'HS-5,02020,1.001022,,,,Trực tiếp,07/01/2026 09:00,12/01/2026 17:00,,,Đang giải quyết,,,,,',
].join('\n');

describe('dossiers over HTTP', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
    await importProcedures(fx.store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
  });
  afterAll(async () => fx.close());

  async function upload(username: string, content: string) {
    const session = await loginAs(fx.app, username);
    const body = multipartBody({ source: 'motcua-tinh' }, { field: 'file', name: 'ho-so.csv', content });
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
      if (job.json().state !== 'running') return { job: job.json(), session };
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('imports an upload for the officer’s commune, rejecting another commune’s and bad rows', async () => {
    const { job, session } = await upload('officer.a', CSV);
    expect(job.state).toBe('done');
    expect(job.result).toMatchObject({ inserted: 3, rejected: 2 });
    expect(job.result.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [5, 'Ngày tiếp nhận'],
      [6, 'Mã đơn vị'],
    ]);

    const xlsx = await fx.app.inject({ method: 'GET', url: `/api/dossier-imports/${job.result.runId}/rejected.xlsx`, cookies: session.cookies });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe('HS-4');
    expect(String(sheet.getRow(2).getCell(19).value)).toMatch(/Ngày tiếp nhận: ngày "31\/02\/2026 09:00" không hợp lệ/);

    const other = await loginAs(fx.app, 'officer.b');
    const denied = await fx.app.inject({ method: 'GET', url: `/api/dossier-imports/${job.result.runId}/rejected.xlsx`, cookies: other.cookies });
    expect(denied.statusCode).toBe(403);
  });

  it('serves the statistics and the register, scoped to the unit', async () => {
    const officer = await loginAs(fx.app, 'officer.a');
    const stats = await fx.app.inject({ method: 'GET', url: `/api/stats?unitId=${fx.units.A}&from=2026-01-01&to=2026-01-31&by=field`, cookies: officer.cookies });
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().stats.received).toMatchObject({ in_period: 3, online: 1, direct: 2 });
    expect(stats.json().stats.resolved).toEqual({ total: 2, early: 0, on_time: 1, late: 1 });
    expect(stats.json().stats.pending).toMatchObject({ total: 1, overdue: 1 });
    expect(stats.json().groups.map((g: { label: string }) => g.label)).toEqual(['Hộ tịch', 'Chứng thực']);
    const reviewer = await loginAs(fx.app, 'reviewer');
    const province = await fx.app.inject({ method: 'GET', url: `/api/stats?unitId=${fx.units.P}&from=2026-01-01&to=2026-01-31`, cookies: reviewer.cookies });
    expect(province.json().stats.received.in_period).toBe(3);
    expect((await fx.app.inject({ method: 'GET', url: `/api/stats?unitId=${fx.units.B}&from=2026-01-01&to=2026-01-31`, cookies: officer.cookies })).statusCode).toBe(403);

    const list = await fx.app.inject({ method: 'GET', url: `/api/dossiers?unitId=${fx.units.A}&channel=direct`, cookies: officer.cookies });
    expect(list.json()).toMatchObject({ total: 2, fields: ['Chứng thực', 'Hộ tịch'] });
    const overdue = await fx.app.inject({ method: 'GET', url: `/api/dossiers?unitId=${fx.units.A}&overdueOn=2026-01-31`, cookies: officer.cookies });
    expect(overdue.json().items.map((i: { code: string }) => i.code)).toEqual(['HS-3']);
    const detail = await fx.app.inject({ method: 'GET', url: `/api/dossiers/${overdue.json().items[0].id}`, cookies: officer.cookies });
    expect(detail.json().events.map((e: { label: string }) => e.label)).toEqual(['Tiếp nhận hồ sơ']);
    expect(detail.json().nextSteps).toEqual([]); // imported: updated by re-importing, not at the desk
    const neighbour = await loginAs(fx.app, 'officer.b');
    expect((await fx.app.inject({ method: 'GET', url: `/api/dossiers/${overdue.json().items[0].id}`, cookies: neighbour.cookies })).statusCode).toBe(403);
  });

  it('records a dossier at the desk and stops the clock while it waits for papers', async () => {
    const officer = await loginAs(fx.app, 'officer.a');
    const procedure = (await fx.app.inject({ method: 'GET', url: '/api/procedures', cookies: officer.cookies }))
      .json()
      .procedures.find((p: { code: string }) => p.code === '1.001022');
    const post = (url: string, payload: object) =>
      fx.app.inject({ method: 'POST', url, cookies: officer.cookies, headers: { 'x-csrf-token': officer.csrf }, payload });
    // Thursday 05/03/2026 10:00, 3 working days → due Tuesday 10/03/2026.
    const received = await post('/api/dossiers', { unitId: fx.units.A, procedureId: procedure.id, channel: 'direct', receivedAt: '05/03/2026 10:00' });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.json()).toMatchObject({ source: 'desk', code: '01906-20260305-0001', state: 'processing', dueDay: '2026-03-10' });
    const id = received.json().id;
    expect((await post(`/api/dossiers/${id}/events`, { kind: 'supplement_requested', at: '06/03/2026 09:00' })).json().state).toBe('awaiting_supplement');
    // The request day (06/03) is used; papers back on Wednesday 11/03 count as a new receipt, so
    // the two days still to run are 12 and 13/03 (docs/calendar.md, pauses).
    const resumed = await post(`/api/dossiers/${id}/events`, { kind: 'supplement_provided', at: '11/03/2026 08:00' });
    expect(resumed.json()).toMatchObject({ state: 'processing', dueDay: '2026-03-13' });
    const wrong = await post(`/api/dossiers/${id}/events`, { kind: 'delivered' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/không thể "Trả kết quả cho công dân"/);
    const done = await post(`/api/dossiers/${id}/events`, { kind: 'resolved', at: '12/03/2026 15:00', digitizedOutput: true });
    expect(done.json()).toMatchObject({ state: 'resolved', finishDay: '2026-03-12' });
    const stats = await fx.app.inject({ method: 'GET', url: `/api/stats?unitId=${fx.units.A}&from=2026-03-01&to=2026-03-31`, cookies: officer.cookies });
    expect(stats.json().stats.resolved).toMatchObject({ total: 1, early: 1 });
    expect(stats.json().stats.digitized.output).toBe(1);
    const timeline = await fx.app.inject({ method: 'GET', url: `/api/dossiers/${id}`, cookies: officer.cookies });
    expect(timeline.json().events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'supplement_requested', 'supplement_provided', 'resolved']);
    expect(timeline.json().nextSteps.map((s: { kind: string }) => s.kind)).toEqual(['delivered']);
  });
});
