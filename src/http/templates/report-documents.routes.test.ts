import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../services/reports/compute-report';
import { testEngineName } from '../../store/testing/test-store';
import { loginAs, openHttpFixture } from '../testing/http-fixture';

describe(`report document routes (${testEngineName()})`, () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  let reportId: number;
  beforeAll(async () => {
    fx = await openHttpFixture();
    reportId = (await computeReport(fx.store, null, { unitId: fx.units.A, templateId: 'mac-dinh-xa', periodId: '2026-Q1' })).report.id;
  }, 60_000);
  afterAll(async () => fx.close());

  it('gives the defaults, saves a metadata field, and rejects a bad one naming it', async () => {
    const session = await loginAs(fx.app, 'officer.a');
    const got = await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/document`, cookies: session.cookies });
    expect(got.statusCode).toBe(200);
    const doc = got.json();
    expect(doc).toMatchObject({ saved: false, meta: { issuer: ['ỦY BAN NHÂN DÂN', 'XÃ BA BỂ'], place: 'Ba Bể', symbol: 'BC-UBND' } });
    const put = await fx.app.inject({
      method: 'PUT',
      url: `/api/reports/${reportId}/document`,
      cookies: session.cookies,
      headers: { 'x-csrf-token': session.csrf },
      payload: { meta: { ...doc.meta, number: '77' } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ saved: true, meta: { number: '77' } });
    const bad = await fx.app.inject({
      method: 'PUT',
      url: `/api/reports/${reportId}/document`,
      cookies: session.cookies,
      headers: { 'x-csrf-token': session.csrf },
      payload: { meta: { ...doc.meta, issuer: [] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('cơ quan ban hành');
  });

  it('refuses another commune and a write without the CSRF token', async () => {
    const other = await loginAs(fx.app, 'officer.c');
    expect((await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/document`, cookies: other.cookies })).statusCode).toBe(403);
    expect((await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/export?format=docx`, cookies: other.cookies })).statusCode).toBe(403);
    const own = await loginAs(fx.app, 'officer.a');
    const noToken = await fx.app.inject({ method: 'PUT', url: `/api/reports/${reportId}/document`, cookies: own.cookies, payload: { meta: {} } });
    expect(noToken.statusCode).toBe(403);
  });

  it('downloads the DOCX and XLSX with a file name', async () => {
    const session = await loginAs(fx.app, 'reviewer');
    const docx = await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/export?format=docx`, cookies: session.cookies });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toBe('attachment; filename="bao-cao-cchc-01906-2026-Q1.docx"');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('77/BC-UBND');
    const xlsx = await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/export?format=xlsx`, cookies: session.cookies });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.length).toBeGreaterThan(1000);
    const bad = await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/export?format=odt`, cookies: session.cookies });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses to overwrite a document someone saved meanwhile, and a reviewer cannot edit it', async () => {
    const officer = await loginAs(fx.app, 'officer.a');
    const admin = await loginAs(fx.app, 'admin');
    const put = (session: Awaited<ReturnType<typeof loginAs>>, payload: object) =>
      fx.app.inject({ method: 'PUT', url: `/api/reports/${reportId}/document`, cookies: session.cookies, headers: { 'x-csrf-token': session.csrf }, payload });
    const opened = (await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/document`, cookies: officer.cookies })).json();
    const first = await put(admin, { meta: { ...opened.meta, number: '80' }, expectedRevision: opened.revision });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().revision).toBe(opened.revision + 1);
    const stale = await put(officer, { meta: { ...opened.meta, number: '81' }, expectedRevision: opened.revision });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/^Văn bản báo cáo vừa được người khác lưu lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}\./);
    const fresh = await put(officer, { meta: { ...opened.meta, number: '81' }, expectedRevision: first.json().revision });
    expect(fresh.json().meta.number).toBe('81');
    const reviewer = await loginAs(fx.app, 'reviewer');
    expect((await put(reviewer, { meta: { ...opened.meta, number: '82' } })).statusCode).toBe(403);
  });

  it('compares saves by revision: of concurrent saves from one revision exactly one succeeds, the others get 409 in Vietnamese', async () => {
    const officer = await loginAs(fx.app, 'officer.a');
    const put = (payload: object) =>
      fx.app.inject({ method: 'PUT', url: `/api/reports/${reportId}/document`, cookies: officer.cookies, headers: { 'x-csrf-token': officer.csrf }, payload });
    for (let round = 0; round < 3; round += 1) {
      const opened = (await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/document`, cookies: officer.cookies })).json();
      const numbers = ['91', '92', '93', '94', '95', '96'].map((n) => `${n}-${round}`);
      const answers = await Promise.all(numbers.map((number) => put({ meta: { ...opened.meta, number }, expectedRevision: opened.revision })));
      const ok = answers.filter((a) => a.statusCode === 200);
      expect(ok, answers.map((a) => `${a.statusCode} ${a.body.slice(0, 80)}`).join('\n')).toHaveLength(1);
      for (const refused of answers.filter((a) => a.statusCode !== 200)) {
        expect(refused.statusCode).toBe(409);
        expect(refused.json().error.message).toMatch(/^Văn bản báo cáo vừa được người khác lưu/);
      }
      const winner = ok[0]!.json();
      expect(winner.revision).toBe(opened.revision + 1);
      const stored = (await fx.app.inject({ method: 'GET', url: `/api/reports/${reportId}/document`, cookies: officer.cookies })).json();
      expect({ revision: stored.revision, number: stored.meta.number }).toEqual({ revision: winner.revision, number: winner.meta.number });
    }
    // Sent with the timestamp of before, a save is refused rather than saved unchecked.
    const old = await put({ meta: {}, expectedUpdatedAt: '2026-01-01T00:00:00.000Z' });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.message).toContain('expectedRevision');
  });
});
