import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedures } from '../services/dossiers/import-procedures';
import { DOSSIER_HEADER, TEST_PROCEDURES, tempFile } from '../services/dossiers/testing/dossier-test-setup';
import { computeReport } from '../services/reports/compute-report';
import { addUser } from '../services/users/add-user';
import { testEngineName } from '../store/testing/test-store';
import { loginAs, openHttpFixture, PASSWORD } from './testing/http-fixture';
import { multipartBody } from './testing/multipart';

/**
 * The authorization matrix: every route of the OpenAPI document × four callers who have no right
 * to the data it is aimed at — anonymous, an officer of another commune of the same province, a
 * reviewer of another province, the admin of a commune — against data owned by commune B (and its
 * province P). Each must be refused (401 for anonymous; 403/404 otherwise), a foreign id must get
 * exactly the answer of an id that does not exist, and nothing may change in the store.
 *
 * A route missing from MATRIX fails the coverage test: a new route cannot ship unclassified.
 */

/** The resources of commune B and province P the callers aim at. */
interface Target {
  unit: number;
  unitCode: string;
  province: number;
  dossier: number;
  report: number;
  user: number;
  run: number;
  job: string;
  provinceDay: number;
}

type Kind =
  /** Aims at B's or P's data: refused, and answered exactly like the same call with unknown ids. */
  | 'scoped'
  /** Lists what lies in the caller's own scope: 200 (or refused by role), and none of B's data in it. */
  | 'list'
  /** Reference data or a stateless computation open to every signed-in user: only "nothing changed". */
  | 'open'
  /** The caller's own session or account (run on a throw-away session): only "nothing changed". */
  | 'self'
  /** No session needed (health, sign-in). */
  | 'public';

interface Entry {
  kind: Kind;
  request: (t: Target) => InjectOptions;
  /** Tables this call may legitimately change for the caller itself (e.g. its own import run). */
  mayChange?: string[];
  /** Statuses of the refusal when it is not 403/404 (a batch answers 200 with a refusal per item). */
  statuses?: number[];
  /** What must be equal between the foreign and the unknown answer (default: status and body). */
  comparable?: (response: LightMyRequestResponse) => unknown;
  /** After the call: wait for background work the call started (an import job). */
  settle?: (response: LightMyRequestResponse, session: Session) => Promise<void>;
}

const UNKNOWN: Target = {
  unit: 9_000_001,
  unitCode: '99999',
  province: 9_000_002,
  dossier: 9_000_003,
  report: 9_000_004,
  user: 9_000_005,
  run: 9_000_006,
  job: randomUUID(),
  provinceDay: 9_000_007,
};

/** A well-formed document header (B's own), so that the refusal is about who asks, not what is sent. */
let validMeta: Record<string, unknown> = {};

const get = (url: string): InjectOptions => ({ method: 'GET', url });
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object): InjectOptions => ({ method, url, ...(payload ? { payload } : {}) });
const period = 'templateId=mac-dinh-xa&periodId=2026-Q1';

/** Rows of commune B in a one-stop export, as a foreign caller would upload them. */
const FOREIGN_ROWS = [DOSSIER_HEADER, 'HS-BIMAT-B,02020,1.001022,,,,Trực tiếp,07/01/2026 09:00,12/01/2026 17:00,,,Đang giải quyết,,,,,'].join('\n');

/** A well-formed row of the procedure list and of the staff register, so the refusal is about who asks. */
const LIST_CELLS = { code: 'X1', name: 'Thủ tục trộm', field: 'Hộ tịch', mode: 'Toàn trình', validFrom: '01/01/2026' };
const STAFF_CELLS = { position: 'Chủ tịch', category: 'Cán bộ', startDay: '01/01/2026' };

const MATRIX: Record<string, Entry> = {
  'GET /api/health': { kind: 'public', request: () => get('/api/health') },
  'POST /api/auth/login': { kind: 'public', request: () => send('POST', '/api/auth/login', { username: 'officer.b', password: 'sai-mat-khau' }) },
  'GET /api/auth/session': { kind: 'self', request: () => get('/api/auth/session') },
  'POST /api/auth/logout': { kind: 'self', request: () => send('POST', '/api/auth/logout') },
  'PUT /api/account/password': { kind: 'self', request: () => send('PUT', '/api/account/password', { currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-du-dai' }) },

  'GET /api/units': { kind: 'open', request: () => get('/api/units') },
  'GET /api/units/{unitId}': { kind: 'scoped', request: (t) => get(`/api/units/${t.unit}`) },
  'GET /api/units/{unitId}/subtree': { kind: 'scoped', request: (t) => get(`/api/units/${t.province}/subtree`) },
  'GET /api/users': { kind: 'list', request: () => get('/api/users') },
  'POST /api/users': {
    kind: 'scoped',
    request: (t) => send('POST', '/api/users', { username: 'ke.gian', displayName: 'Kẻ gian', password: 'mat-khau-du-dai-12', role: 'admin', unitId: t.unit }),
  },
  'PATCH /api/users/{userId}': { kind: 'scoped', request: (t) => send('PATCH', `/api/users/${t.user}`, { displayName: 'Bị sửa trộm', active: false }) },

  'GET /api/calendar/{year}': { kind: 'scoped', request: (t) => get(`/api/calendar/2026?unitId=${t.unit}`) },
  'GET /api/calendar-overrides': { kind: 'list', request: () => get('/api/calendar-overrides?year=2026') },
  'PUT /api/calendar-overrides': {
    kind: 'scoped',
    request: (t) => send('PUT', '/api/calendar-overrides', { date: '2026-06-01', kind: 'holiday', reason: 'Nghỉ trộm', unitId: t.unit }),
  },
  'DELETE /api/calendar-overrides/{id}': { kind: 'scoped', request: (t) => send('DELETE', `/api/calendar-overrides/${t.provinceDay}`) },

  'GET /api/procedures': { kind: 'open', request: () => get('/api/procedures') },
  'GET /api/dossiers': { kind: 'scoped', request: (t) => get(`/api/dossiers?unitId=${t.unit}`) },
  'POST /api/dossiers': { kind: 'scoped', request: (t) => send('POST', '/api/dossiers', { unitId: t.unit, procedureId: 1, channel: 'direct' }) },
  'GET /api/dossiers/{dossierId}': { kind: 'scoped', request: (t) => get(`/api/dossiers/${t.dossier}`) },
  'POST /api/dossiers/{dossierId}/events': { kind: 'scoped', request: (t) => send('POST', `/api/dossiers/${t.dossier}/events`, { kind: 'withdrawn' }) },
  'POST /api/dossier-imports': {
    // A file of B's rows: accepted as the caller's own upload, every row refused, nothing of B touched.
    kind: 'list',
    request: () => {
      const body = multipartBody({ source: 'motcua' }, { field: 'file', name: 'ho-so.csv', content: FOREIGN_ROWS });
      return { method: 'POST', url: '/api/dossier-imports', headers: body.headers, payload: body.payload };
    },
    mayChange: ['import_runs'],
    settle: async (response, session) => {
      if (response.statusCode !== 202) return;
      for (;;) {
        const job = (await session.inject(get(`/api/dossier-imports/jobs/${response.json().id}`))).json();
        if (job.state !== 'running') {
          expect(job.result).toMatchObject({ inserted: 0, updated: 0, rejected: 1 });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  },
  'GET /api/dossier-imports/jobs/{jobId}': { kind: 'scoped', request: (t) => get(`/api/dossier-imports/jobs/${t.job}`) },
  'POST /api/dossier-imports/jobs/{jobId}/cancel': { kind: 'scoped', request: (t) => send('POST', `/api/dossier-imports/jobs/${t.job}/cancel`, {}) },
  'GET /api/dossier-imports/{runId}/rejected.xlsx': { kind: 'scoped', request: (t) => get(`/api/dossier-imports/${t.run}/rejected.xlsx`) },
  'GET /api/import-sources/{source}': { kind: 'scoped', request: (t) => get(`/api/import-sources/motcua?unitId=${t.unit}`) },
  'PUT /api/import-sources/{source}': {
    kind: 'scoped',
    request: (t) => send('PUT', '/api/import-sources/motcua', { columnMap: { code: 'Cột trộm' }, unitId: t.province }),
  },

  'GET /api/stats': { kind: 'scoped', request: (t) => get(`/api/stats?unitId=${t.unit}&from=2026-01-01&to=2026-03-31`) },
  'GET /api/dashboard/trend': { kind: 'scoped', request: (t) => get(`/api/dashboard/trend?unitId=${t.unit}&periodId=2026-Q1`) },
  'GET /api/dashboard/ranking': { kind: 'scoped', request: (t) => get(`/api/dashboard/ranking?unitId=${t.province}&periodId=2026-Q1`) },
  'GET /api/dashboard/distribution': { kind: 'scoped', request: (t) => get(`/api/dashboard/distribution?unitId=${t.province}&periodId=2026-Q1`) },
  'POST /api/dashboard/table.xlsx': {
    kind: 'open',
    request: () => send('POST', '/api/dashboard/table.xlsx', { title: 'Bảng', fileName: 'bang', columns: [{ header: 'A', format: 'text' }], rows: [['x']] }),
  },

  'GET /api/templates': { kind: 'scoped', request: (t) => get(`/api/templates?unitId=${t.unit}`) },
  'GET /api/templates/{templateId}': { kind: 'open', request: () => get('/api/templates/mac-dinh-xa') },
  'POST /api/reports/check': { kind: 'open', request: () => send('POST', '/api/reports/check', { template: 'mac-dinh-xa', values: {} }) },
  'GET /api/reports': { kind: 'scoped', request: (t) => get(`/api/reports?unitId=${t.unit}`) },
  'POST /api/reports': { kind: 'scoped', request: (t) => send('POST', '/api/reports', { unitId: t.unit, templateId: 'mac-dinh-xa', periodId: '2026-Q2' }) },
  'GET /api/reports/{reportId}': { kind: 'scoped', request: (t) => get(`/api/reports/${t.report}`) },
  'PATCH /api/reports/{reportId}/values': {
    kind: 'scoped',
    request: (t) => send('PATCH', `/api/reports/${t.report}/values`, { changes: [{ rowId: 'x', value: 1 }] }),
  },
  'GET /api/reports/{reportId}/document': { kind: 'scoped', request: (t) => get(`/api/reports/${t.report}/document`) },
  'PUT /api/reports/{reportId}/document': {
    kind: 'scoped',
    request: (t) => send('PUT', `/api/reports/${t.report}/document`, { meta: { ...validMeta, number: 'SO-TROM' } }),
  },
  'GET /api/reports/{reportId}/export': { kind: 'scoped', request: (t) => get(`/api/reports/${t.report}/export?format=xlsx`) },
  'POST /api/reports/{reportId}/transitions': { kind: 'scoped', request: (t) => send('POST', `/api/reports/${t.report}/transitions`, { action: 'approve' }) },
  'POST /api/reports/approve-many/preview': { kind: 'scoped', request: (t) => send('POST', '/api/reports/approve-many/preview', { reportIds: [t.report] }) },
  'POST /api/reports/approve-many': {
    // Each report succeeds or fails on its own: a foreign one fails exactly like an unknown one.
    kind: 'scoped',
    statuses: [200],
    comparable: (response) =>
      response.statusCode === 200
        ? (response.json() as { outcomes: Array<{ ok: boolean; message: string }> }).outcomes.map(({ ok, message }) => ({ ok, message }))
        : answer(response),
    request: (t) => send('POST', '/api/reports/approve-many', { reportIds: [t.report], confirmedCount: 1, confirmedFlagged: [t.report] }),
  },
  'GET /api/reports/{reportId}/submission-check': { kind: 'scoped', request: (t) => get(`/api/reports/${t.report}/submission-check`) },
  'GET /api/reports/{reportId}/changes-since-return': { kind: 'scoped', request: (t) => get(`/api/reports/${t.report}/changes-since-return`) },
  'GET /api/reports/{reportId}/stale-data': { kind: 'scoped', request: (t) => get(`/api/reports/${t.report}/stale-data`) },
  'POST /api/reports/import': {
    kind: 'scoped',
    request: (t) => send('POST', '/api/reports/import', { template: 'mac-dinh-xa', unit: t.unitCode, period: '2026-Q1', values: {} }),
  },
  'GET /api/reports/{reportId}/history': { kind: 'scoped', request: (t) => get(`/api/reports/${t.report}/history`) },
  'GET /api/inbox': { kind: 'list', request: () => get('/api/inbox') },
  'GET /api/obligations': { kind: 'list', request: () => get('/api/obligations') },
  'PUT /api/obligations': {
    kind: 'scoped',
    request: (t) => send('PUT', '/api/obligations', { unitId: t.unit, templateId: 'mac-dinh-xa', periodKinds: ['month'], deadlineDays: 3 }),
  },
  'GET /api/completeness': { kind: 'scoped', request: (t) => get(`/api/completeness?unitId=${t.province}&templateId=mac-dinh-xa&periodIds=2026-Q1`) },
  'GET /api/completeness/reminders.xlsx': {
    kind: 'scoped',
    request: (t) => get(`/api/completeness/reminders.xlsx?unitId=${t.province}&templateId=mac-dinh-xa&periodIds=2026-Q1`),
  },
  'GET /api/rollup': { kind: 'scoped', request: (t) => get(`/api/rollup?unitId=${t.province}&${period}`) },
  'GET /api/rollup/export.xlsx': { kind: 'scoped', request: (t) => get(`/api/rollup/export.xlsx?unitId=${t.province}&${period}`) },
  'GET /api/rollup/discrepancies': { kind: 'scoped', request: (t) => get(`/api/rollup/discrepancies?unitId=${t.province}&${period}`) },
  'GET /api/audit-log': { kind: 'scoped', request: (t) => get(`/api/audit-log?unitId=${t.unit}`) },

  'GET /api/index766/profiles': { kind: 'open', request: () => get('/api/index766/profiles') },
  'GET /api/index766': { kind: 'scoped', request: (t) => get(`/api/index766?unitId=${t.unit}&periodId=2026-M01`) },
  'GET /api/index766/trend': { kind: 'scoped', request: (t) => get(`/api/index766/trend?unitId=${t.unit}&periodId=2026-M01`) },
  'GET /api/index766/against': { kind: 'scoped', request: (t) => get(`/api/index766/against?unitId=${t.unit}&periodId=2026-M01&indicatorId=tien_do`) },
  'GET /api/index766/against.xlsx': {
    kind: 'scoped',
    request: (t) => get(`/api/index766/against.xlsx?unitId=${t.unit}&periodId=2026-M01&indicatorId=tien_do`),
  },
  'GET /api/index766/inputs': { kind: 'scoped', request: (t) => get(`/api/index766/inputs?unitId=${t.unit}&month=2026-01`) },
  'PUT /api/index766/inputs': {
    kind: 'scoped',
    request: (t) => send('PUT', '/api/index766/inputs', { unitId: t.unit, month: '2026-01', values: { tthc_cong_bo: 5 } }),
  },

  'GET /api/units/{unitId}/procedures': { kind: 'scoped', request: (t) => get(`/api/units/${t.unit}/procedures`) },
  'POST /api/units/{unitId}/procedures': { kind: 'scoped', request: (t) => send('POST', `/api/units/${t.unit}/procedures`, { cells: LIST_CELLS }) },
  'PUT /api/units/{unitId}/procedures/{entryId}': { kind: 'scoped', request: (t) => send('PUT', `/api/units/${t.unit}/procedures/1`, { cells: LIST_CELLS }) },
  'DELETE /api/units/{unitId}/procedures/{entryId}': { kind: 'scoped', request: (t) => send('DELETE', `/api/units/${t.unit}/procedures/1`) },
  'POST /api/units/{unitId}/procedures/import': {
    kind: 'scoped',
    request: (t) => {
      const body = multipartBody({}, { field: 'file', name: 'danh-muc.csv', content: 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Hiệu lực từ\nX1,Thủ tục trộm,Hộ tịch,01/01/2026' });
      return { method: 'POST', url: `/api/units/${t.unit}/procedures/import`, headers: body.headers, payload: body.payload };
    },
  },
  'GET /api/units/{unitId}/registers/{register}': { kind: 'scoped', request: (t) => get(`/api/units/${t.unit}/registers/staff`) },
  'POST /api/units/{unitId}/registers/{register}': { kind: 'scoped', request: (t) => send('POST', `/api/units/${t.unit}/registers/staff`, { cells: STAFF_CELLS }) },
  'PUT /api/units/{unitId}/registers/{register}/{entryId}': { kind: 'scoped', request: (t) => send('PUT', `/api/units/${t.unit}/registers/staff/1`, { cells: STAFF_CELLS }) },
  'DELETE /api/units/{unitId}/registers/{register}/{entryId}': { kind: 'scoped', request: (t) => send('DELETE', `/api/units/${t.unit}/registers/staff/1`) },
  'POST /api/units/{unitId}/registers/{register}/import': {
    kind: 'scoped',
    request: (t) => {
      const body = multipartBody({}, { field: 'file', name: 'can-bo.csv', content: 'Chức danh,Loại,Từ ngày\nChủ tịch,Cán bộ,01/01/2026' });
      return { method: 'POST', url: `/api/units/${t.unit}/registers/staff/import`, headers: body.headers, payload: body.payload };
    },
  },
};

/**
 * Lists that take no unit must still show nothing of B: its dossier code, its officer, its
 * document. (Unit names are public reference data: the directory shows them to everyone.)
 */
const MARKERS = ['HS-BIMAT-B', 'officer.b', 'SO-BIMAT-B'];
/** Lists checked for leaks beyond the matrix's own calls (the audit trail unfiltered). */
const LEAK_PROBES = ['/api/audit-log', '/api/users', '/api/inbox', '/api/obligations'];

const answer = (response: LightMyRequestResponse) => ({ status: response.statusCode, body: response.body });

interface Session {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

const CALLERS = ['anonymous', 'officer.a', 'reviewer.q', 'admin.a'] as const;
type Caller = (typeof CALLERS)[number];

/** Tables that record the calls themselves, not data: sessions, the audit trail, throttles. */
const NOT_DATA = /^(audit_log|sessions|schema_migrations)$|throttle|attempt|rate_limit|login_failures/;

describe(`authorization matrix (${testEngineName()})`, () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  let target: Target;
  const sessions = new Map<Caller, Session>();
  let routes: string[] = [];
  /** The answers each route's OpenAPI description documents ("200", "401", "403", …). */
  const documented = new Map<string, string[]>();

  const sessionOf = async (username: string | null): Promise<Session> => {
    if (!username) return { inject: (options) => fx.app.inject(options) };
    const { cookies, csrf } = await loginAs(fx.app, username);
    return { inject: (options) => fx.app.inject({ ...options, cookies, headers: { ...(options.headers ?? {}), 'x-csrf-token': csrf } }) };
  };

  beforeAll(async () => {
    fx = await openHttpFixture();
    const { units, store } = fx;
    await importProcedures(store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
    await addUser(store, { username: 'admin.a', displayName: 'Quản trị xã A', password: PASSWORD, role: 'admin', unitId: units.A });
    await addUser(store, { username: 'reviewer.q', displayName: 'Thẩm định tỉnh Q', password: PASSWORD, role: 'reviewer', unitId: units.Q });

    // B's data, made by B's officer and P's admin through the API.
    const officerB = await sessionOf('officer.b');
    const admin = await sessionOf('admin');
    const dossier = await officerB.inject(send('POST', '/api/dossiers', { unitId: units.B, procedureId: 1, channel: 'direct' }));
    expect(dossier.statusCode, dossier.body).toBe(201);
    const upload = multipartBody({ source: 'motcua' }, { field: 'file', name: 'ho-so.csv', content: FOREIGN_ROWS + '\nHS-BIMAT-B2,02020,1.001022,,,,Trực tiếp,31/02/2026 09:00,,,,Đang giải quyết,,,,,' });
    const started = await officerB.inject({ method: 'POST', url: '/api/dossier-imports', headers: upload.headers, payload: upload.payload });
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json();
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await officerB.inject(get(`/api/dossier-imports/jobs/${job.id}`))).json();
    }
    expect(job.result).toMatchObject({ inserted: 1, rejected: 1 });
    const report = await computeReport(store, null, { unitId: units.B, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
    const opened = (await officerB.inject(get(`/api/reports/${report.report.id}/document`))).json();
    validMeta = opened.meta;
    expect((await officerB.inject(send('PUT', `/api/reports/${report.report.id}/document`, { meta: { ...opened.meta, number: 'SO-BIMAT-B' } }))).statusCode).toBe(200);
    const day = await admin.inject(send('PUT', '/api/calendar-overrides', { date: '2026-05-19', kind: 'holiday', reason: 'Ngày của tỉnh', unitId: units.P }));
    expect(day.statusCode, day.body).toBe(200);
    expect((await admin.inject(send('PUT', '/api/import-sources/motcua', { columnMap: { code: 'Số hồ sơ của tỉnh' } }))).statusCode).toBe(200);
    const userB = (await store.users.findByUsername('officer.b'))!;
    target = {
      unit: units.B,
      unitCode: '02020',
      province: units.P,
      dossier: dossier.json().id,
      report: report.report.id,
      user: userB.id,
      run: job.result.runId,
      job: job.id,
      provinceDay: day.json().id,
    };

    for (const caller of CALLERS) sessions.set(caller, await sessionOf(caller === 'anonymous' ? null : caller));
    await fx.app.ready();
    const document = fx.app.swagger() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) documented.set(`${method.toUpperCase()} ${path}`, Object.keys(operation.responses ?? {}));
    }
    routes = [...documented.keys()];
  }, 120_000);
  afterAll(async () => fx.close());

  /** Every data table, row by row, to prove a refused call changed nothing. */
  const snapshot = async (skip: string[] = []) => {
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(fx.store.db);
    const result: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      if (NOT_DATA.test(name) || skip.includes(name)) continue;
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(fx.store.db);
      result[name] = rows.rows.map((row) => JSON.stringify(row)).sort();
    }
    return result;
  };

  it('covers every route of the OpenAPI document, and only those', () => {
    expect(routes.length).toBeGreaterThan(40);
    const missing = routes.filter((route) => !(route in MATRIX));
    expect(missing, 'routes without an entry in the authorization matrix (src/http/authorization-matrix.test.ts)').toEqual([]);
    const stale = Object.keys(MATRIX).filter((route) => !routes.includes(route));
    expect(stale, 'matrix entries for routes the API no longer has').toEqual([]);
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    describe(route, () => {
      for (const caller of CALLERS) {
        it(`${caller}: refused, foreign answered like unknown, nothing changed`, async () => {
          if (!routes.includes(route)) return; // reported by the coverage test
          const session = entry.kind === 'self' && caller !== 'anonymous' ? await sessionOf(caller) : sessions.get(caller)!;
          const before = await snapshot(entry.mayChange);
          const response = await session.inject(entry.request(target));
          await entry.settle?.(response, session);
          const status = response.statusCode;

          if (caller === 'anonymous' && entry.kind !== 'public') {
            expect(status, response.body).toBe(401);
          } else if (entry.kind === 'scoped') {
            expect(entry.statuses ?? [403, 404], `${status} ${response.body.slice(0, 300)}`).toContain(status);
            const unknown = await session.inject(entry.request(UNKNOWN));
            const comparable = entry.comparable ?? answer;
            expect(comparable(response), 'a foreign id must be answered exactly like an unknown one').toEqual(comparable(unknown));
            if (status === 200) expect(JSON.stringify(comparable(response))).not.toContain('"ok":true');
          } else if (entry.kind === 'list') {
            expect([200, 202, 403], response.body.slice(0, 300)).toContain(status);
            for (const marker of MARKERS) expect(response.body, `${caller} sees "${marker}"`).not.toContain(marker);
          }
          if (status >= 400) expect(documented.get(route), `the OpenAPI description of ${route} must document its ${status}`).toContain(String(status));
          expect(await snapshot(entry.mayChange), 'a refused call must change nothing').toEqual(before);
        });
      }
    });
  }

  it('shows none of B’s data in the lists a foreign caller reads without naming a unit', async () => {
    for (const caller of CALLERS.filter((c) => c !== 'anonymous')) {
      for (const url of LEAK_PROBES) {
        const response = await sessions.get(caller)!.inject(get(url));
        expect([200, 403], `${caller} ${url}: ${response.body.slice(0, 200)}`).toContain(response.statusCode);
        for (const marker of MARKERS) expect(response.body, `${caller} ${url} sees "${marker}"`).not.toContain(marker);
      }
    }
  });
});
