import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/working-days';
import { generateDossierRows, writeDossierCsv } from '../../services/demo/generate-dossiers';
import { ImportJobs } from '../../services/dossiers/import-jobs';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { DOSSIER_HEADER, TEST_PROCEDURES, tempFile } from '../../services/dossiers/testing/dossier-test-setup';
import { loginAs, openHttpFixture } from '../testing/http-fixture';
import { multipartBody } from '../testing/multipart';

/** Issue #17, defect 7: an upload's temporary file is removed on every path, not only some. */
describe('upload temp files', () => {
  const uploadDir = mkdtempSync(join(tmpdir(), 'cchc-uploads-'));
  const jobs = new ImportJobs(uploadDir);
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  let session: Awaited<ReturnType<typeof loginAs>>;
  let big: Buffer;
  beforeAll(async () => {
    fx = await openHttpFixture({ importJobs: jobs, uploadLimit: 16 * 1024 * 1024 });
    await importProcedures(fx.store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
    session = await loginAs(fx.app, 'officer.a');
    const path = tempFile('lon.csv', '');
    await writeDossierCsv(
      path,
      generateDossierRows({ unitCodes: ['01906'], procedures: await fx.store.procedures.all(), calendar: new WorkCalendar(), from: '2026-01-01', to: '2026-03-31', count: 20_000, seed: 5 }),
    );
    big = await readFile(path);
    expect(big.length).toBeLessThan(16 * 1024 * 1024);
  });
  afterAll(async () => {
    await fx.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  const left = () => readdirSync(uploadDir);
  const post = (app: typeof fx.app, fields: Record<string, string>, name: string, content: string | Buffer) => {
    const body = multipartBody(fields, { field: 'file', name, content });
    return app.inject({
      method: 'POST',
      url: '/api/dossier-imports',
      cookies: session.cookies,
      headers: { ...body.headers, 'x-csrf-token': session.csrf },
      payload: body.payload,
    });
  };
  const ended = async (id: string) => {
    for (;;) {
      const job = (await fx.app.inject({ method: 'GET', url: `/api/dossier-imports/jobs/${id}`, cookies: session.cookies })).json();
      if (job.state !== 'running') {
        await jobs.drain();
        return job;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const good = [DOSSIER_HEADER, 'T-1,01906,1.001193,,,,Trực tiếp,01/03/2026,,,,Đang giải quyết,,,,,'].join('\n');

  it('removes the file of a refused source field', async () => {
    const response = await post(fx.app, { source: 'nguồn/không hợp lệ' }, 'a.csv', good);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/Trường "source"/);
    expect(left()).toEqual([]);
  });

  it('answers 413 with a Vietnamese message and removes the part written of a file over the limit', async () => {
    const response = await post(fx.app, { source: 'motcua' }, 'qua-lon.csv', Buffer.alloc(17 * 1024 * 1024, 'a'));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toBe('Tệp "qua-lon.csv" vượt quá dung lượng cho phép.');
    expect(left()).toEqual([]);
  });

  it('makes no file for a refused extension', async () => {
    expect((await post(fx.app, { source: 'motcua' }, 'a.txt', good)).statusCode).toBe(400);
    expect(left()).toEqual([]);
  });

  it('removes the file of an import that fails to read it', async () => {
    const response = await post(fx.app, { source: 'motcua' }, 'thieu-cot.csv', 'Mã hồ sơ,Tên\n1,2');
    expect(response.statusCode).toBe(202);
    expect((await ended(response.json().id)).state).toBe('failed');
    expect(left()).toEqual([]);
  });

  it('removes the file of an import that succeeds', async () => {
    const response = await post(fx.app, { source: 'motcua' }, 'dung.csv', good);
    const job = await ended(response.json().id);
    expect(job).toMatchObject({ state: 'done', result: { inserted: 1 } });
    expect(left()).toEqual([]);
  });

  it('removes the file of a cancelled import, which stores nothing', async () => {
    const before = await fx.store.dossiers.count();
    const response = await post(fx.app, { source: 'huy' }, 'lon.csv', big);
    expect(response.statusCode).toBe(202);
    const cancel = await fx.app.inject({
      method: 'POST',
      url: `/api/dossier-imports/jobs/${response.json().id}/cancel`,
      cookies: session.cookies,
      headers: { 'x-csrf-token': session.csrf },
    });
    expect(cancel.statusCode).toBe(200);
    const job = await ended(response.json().id);
    expect(job).toMatchObject({ state: 'cancelled', error: 'Đã hủy lần nhập; không có hồ sơ nào được lưu.', result: null });
    expect(await fx.store.dossiers.count()).toBe(before);
    expect(left()).toEqual([]);
  });

  it("does not let another user cancel one's import", async () => {
    const other = await loginAs(fx.app, 'officer.b');
    const response = await post(fx.app, { source: 'motcua' }, 'dung-2.csv', good);
    const cancel = await fx.app.inject({
      method: 'POST',
      url: `/api/dossier-imports/jobs/${response.json().id}/cancel`,
      cookies: other.cookies,
      headers: { 'x-csrf-token': other.csrf },
    });
    const unknown = await fx.app.inject({
      method: 'POST',
      url: '/api/dossier-imports/jobs/00000000-0000-4000-8000-000000000000/cancel',
      cookies: other.cookies,
      headers: { 'x-csrf-token': other.csrf },
    });
    // Answered like an id that does not exist, and the job runs on.
    expect(cancel.statusCode).toBe(403);
    expect(cancel.json()).toEqual(unknown.json());
    expect((await ended(response.json().id)).state).toBe('done');
  });

  it('cancels running imports and removes their files when the server closes', async () => {
    const closingDir = mkdtempSync(join(tmpdir(), 'cchc-uploads-closing-'));
    const closing = await openHttpFixture({ importJobs: new ImportJobs(closingDir) });
    try {
      await importProcedures(closing.store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
      const officer = await loginAs(closing.app, 'officer.a');
      const body = multipartBody({ source: 'dong' }, { field: 'file', name: 'lon.csv', content: big });
      const response = await closing.app.inject({
        method: 'POST',
        url: '/api/dossier-imports',
        cookies: officer.cookies,
        headers: { ...body.headers, 'x-csrf-token': officer.csrf },
        payload: body.payload,
      });
      expect(response.statusCode).toBe(202);
      expect(readdirSync(closingDir)).toHaveLength(1);
      await closing.app.close();
      expect(readdirSync(closingDir)).toEqual([]);
      expect(await closing.store.dossiers.count()).toBe(0);
    } finally {
      await closing.store.dispose();
      rmSync(closingDir, { recursive: true, force: true });
    }
  });
});
