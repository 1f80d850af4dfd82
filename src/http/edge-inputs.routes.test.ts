import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedures } from '../services/dossiers/import-procedures';
import { loginAs, openHttpFixture } from './testing/http-fixture';

/*
 * Issue #17, defects 8, 11 and 14: every input below once answered 500 (or was stored and broke a
 * later answer). Each must now be refused at the edge with the status due and a Vietnamese message.
 */

type Session = Awaited<ReturnType<typeof loginAs>>;
type Fx = Awaited<ReturnType<typeof openHttpFixture>>;
interface Case {
  name: string;
  as: 'admin' | 'officer';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: (ctx: Ctx) => string;
  body?: (ctx: Ctx) => unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  message: RegExp;
}
interface Ctx {
  fx: Fx;
  officerB: number;
  reportId: number;
  procedureId: number;
}

const deepSections = (levels: number) => {
  let sections: unknown[] = [];
  for (let i = levels; i > 0; i--) sections = [{ id: `s${i}`, title: `Mục ${i}`, blocks: [], children: sections }];
  return sections;
};
const deepDocument = (levels: number) => ({ narrative: { preamble: [], sections: deepSections(levels), closing: [] } });

const CASES: Case[] = [
  { name: 'NUL byte in a text field', as: 'admin', method: 'PATCH', url: (c) => `/api/users/${c.officerB}`, body: () => ({ displayName: 'Cán bộ\u0000B' }), status: 400, message: /ký tự rỗng \(NUL/ },
  { name: 'NUL byte in a query parameter', as: 'admin', method: 'GET', url: () => '/api/units?q=Ba%00B', status: 400, message: /ký tự rỗng \(NUL/ },
  { name: 'impossible date 2026-02-31 in a query', as: 'admin', method: 'GET', url: () => '/api/units?asOf=2026-02-31', status: 400, message: /Ngày không có thật/ },
  { name: 'impossible month 2026-13-01 in a query', as: 'officer', method: 'GET', url: (c) => `/api/dossiers?unitId=${c.fx.units.A}&receivedFrom=2026-13-01`, status: 400, message: /Ngày không có thật/ },
  { name: 'year 0000 in a query date', as: 'officer', method: 'GET', url: (c) => `/api/dossiers?unitId=${c.fx.units.A}&overdueOn=0000-01-01`, status: 400, message: /Ngày không có thật/ },
  { name: 'year=0 for the calendar', as: 'admin', method: 'GET', url: () => '/api/calendar/0', status: 400, message: /ngoài phạm vi hỗ trợ \(1901–2099\)/ },
  { name: 'year=0 for calendar days', as: 'admin', method: 'GET', url: () => '/api/calendar-overrides?year=0', status: 400, message: /ngoài phạm vi hỗ trợ \(1901–2099\)/ },
  { name: 'receipt date 9999-12-31 at the desk', as: 'officer', method: 'POST', url: () => '/api/dossiers', body: (c) => ({ unitId: c.fx.units.A, procedureId: c.procedureId, channel: 'direct', receivedAt: '9999-12-31T08:00' }), status: 400, message: /Ngày tiếp nhận: ngày 31\/12\/9999 ở tương lai/ },
  { name: "sheet name ' for an XLSX download", as: 'admin', method: 'POST', url: () => '/api/dashboard/table.xlsx', body: () => ({ title: 'Bảng', sheetName: "'", fileName: 'bang', columns: [{ header: 'A', format: 'text' }], rows: [['x']] }), status: 400, message: /Tên trang tính/ },
  { name: 'a body over 1 MB', as: 'admin', method: 'POST', url: () => '/api/reports/check', raw: JSON.stringify({ text: 'x'.repeat(1_100_000) }), status: 413, message: /Nội dung gửi lên quá lớn \(tối đa 1 MB\)/ },
  { name: 'Origin: null on a change', as: 'admin', method: 'PATCH', url: (c) => `/api/users/${c.officerB}`, body: () => ({ displayName: 'B' }), headers: { origin: 'null' }, status: 403, message: /trang web khác/ },
  { name: 'PATCH /api/users/:id with {}', as: 'admin', method: 'PATCH', url: (c) => `/api/users/${c.officerB}`, body: () => ({}), status: 400, message: /Không có gì để sửa/ },
  { name: 'an id beyond the id columns', as: 'admin', method: 'POST', url: () => '/api/reports', body: () => ({ unitId: 2_147_483_648, templateId: 'mac-dinh-xa', periodId: '2026-Q1' }), status: 400, message: /Mã số quá lớn/ },
  { name: 'a count of 1e308', as: 'officer', method: 'PATCH', url: (c) => `/api/reports/${c.reportId}/values`, body: () => ({ changes: [{ rowId: 'r_1_2_a', value: 1e308 }] }), status: 400, message: /vượt quá giới hạn \(tối đa 1\.000\.000\.000\)/ },
  { name: 'a count over 10^9 written as text', as: 'officer', method: 'PATCH', url: (c) => `/api/reports/${c.reportId}/values`, body: () => ({ changes: [{ rowId: 'r_1_2_a', value: '2.000.000.000' }] }), status: 400, message: /vượt quá giới hạn/ },
  { name: '1,000 levels of narrative sections', as: 'officer', method: 'PUT', url: (c) => `/api/reports/${c.reportId}/document`, body: () => deepDocument(1000), status: 400, message: /lồng nhau quá sâu/ },
  { name: '12 levels of narrative sections (within JSON depth, beyond sections)', as: 'officer', method: 'PUT', url: (c) => `/api/reports/${c.reportId}/document`, body: () => deepDocument(12), status: 400, message: /Mục lồng nhau quá sâu: tối đa 8 cấp/ },
];

describe('edge inputs answer 4xx with a Vietnamese message, never 500', () => {
  let fx: Fx;
  let ctx: Ctx;
  const sessions: Record<string, Session> = {};
  beforeAll(async () => {
    fx = await openHttpFixture();
    await importProcedures(fx.store, fileURLToPath(new URL('../../demo/procedures.csv', import.meta.url)));
    sessions.admin = await loginAs(fx.app, 'admin');
    sessions.officer = await loginAs(fx.app, 'officer.a');
    const created = await fx.app.inject({ method: 'POST', url: '/api/reports', cookies: sessions.officer.cookies, headers: { 'x-csrf-token': sessions.officer.csrf }, payload: { unitId: fx.units.A, templateId: 'mac-dinh-xa', periodId: '2026-Q1' } });
    expect(created.statusCode, created.body).toBe(200);
    ctx = {
      fx,
      officerB: (await fx.store.users.findByUsername('officer.b'))!.id,
      reportId: created.json().id,
      procedureId: (await fx.store.procedures.all())[0]!.id,
    };
  }, 60_000);
  afterAll(async () => fx.close());

  it.each(CASES)('$name → $status', async (c) => {
    const session = sessions[c.as]!;
    const payload = c.raw ?? (c.body ? JSON.stringify(c.body(ctx)) : undefined);
    const response = await fx.app.inject({
      method: c.method,
      url: c.url(ctx),
      cookies: session.cookies,
      headers: { 'x-csrf-token': session.csrf, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...c.headers },
      ...(payload !== undefined ? { payload } : {}),
    });
    expect(response.statusCode, response.body).toBe(c.status);
    expect(response.json().error.message).toMatch(c.message);
  });

  it('the refused count was not stored, and a sane one still is', async () => {
    const officer = sessions.officer!;
    const saved = await fx.app.inject({ method: 'PATCH', url: `/api/reports/${ctx.reportId}/values`, cookies: officer.cookies, headers: { 'x-csrf-token': officer.csrf }, payload: { changes: [{ rowId: 'r_1_2_a', value: 1_224 }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    const stored = await fx.store.reports.values(ctx.reportId);
    expect(stored.get('r_1_2_a')?.value).toBe(1_224);
  });

  it('GET /api/rollup never answers 500 on stored values, even 1e308 saved before the bounds existed', async () => {
    // Two communes' reports hold 1e308 (written past the service, as an older version allowed), both approved.
    const officerB = await loginAs(fx.app, 'officer.b');
    const other = await fx.app.inject({ method: 'POST', url: '/api/reports', cookies: officerB.cookies, headers: { 'x-csrf-token': officerB.csrf }, payload: { unitId: fx.units.B, templateId: 'mac-dinh-xa', periodId: '2026-Q1' } });
    for (const id of [ctx.reportId, other.json().id as number]) {
      const values = await fx.store.reports.values(id);
      values.set('r_1_2_a', { value: 1e308, provenance: 'entered', computed: null, reason: null });
      values.set('r_1_2_b', { value: 1e308, provenance: 'entered', computed: null, reason: null });
      await fx.store.reports.saveValues(id, values, { userId: null, action: 'edit', changes: {} });
      await sql`UPDATE reports SET status = 'approved' WHERE id = ${id}`.execute(fx.store.db);
    }
    const reviewer = await loginAs(fx.app, 'reviewer');
    const rollup = await fx.app.inject({ method: 'GET', url: `/api/rollup?unitId=${fx.units.P}&templateId=mac-dinh-xa&periodId=2026-Q1`, cookies: reviewer.cookies });
    expect(rollup.statusCode, rollup.body).toBe(200);
    const row = (rollup.json().values as Array<{ rowId: string; value: unknown; note: string | null }>).find((v) => v.rowId === 'r_1_2_a')!;
    expect(row.value).toBeNull();
    expect(row.note).toMatch(/quá lớn/);
    const xlsx = await fx.app.inject({ method: 'GET', url: `/api/rollup/export.xlsx?unitId=${fx.units.P}&templateId=mac-dinh-xa&periodId=2026-Q1`, cookies: reviewer.cookies });
    expect(xlsx.statusCode).toBe(200);
  });
});
