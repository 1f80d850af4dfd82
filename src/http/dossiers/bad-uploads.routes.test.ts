import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badFiles } from '../../import/testing/bad-files';
import { expectVietnameseOnly } from '../../import/testing/vietnamese-answer';
import { snapshot } from '../../store/testing/table-snapshot';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { TEST_PROCEDURES, tempFile } from '../../services/dossiers/testing/dossier-test-setup';
import { loginAs, openHttpFixture } from '../testing/http-fixture';
import { multipartBody } from '../testing/multipart';

/**
 * The dossier files of the bad-file corpus, uploaded as a browser does (POST /api/dossier-imports):
 * a refused file ends its job as failed with the Vietnamese reason, a file whose only row is bad ends
 * done with that row rejected; either way nothing is stored.
 */
describe('bad dossier files uploaded over HTTP', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  let session: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
    await importProcedures(fx.store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
    session = await loginAs(fx.app, 'officer.a');
  });
  afterAll(async () => fx.close());

  async function upload(name: string, content: Buffer) {
    const body = multipartBody({ source: 'kiem-thu' }, { field: 'file', name, content });
    const started = await fx.app.inject({
      method: 'POST',
      url: '/api/dossier-imports',
      cookies: session.cookies,
      headers: { ...body.headers, 'x-csrf-token': session.csrf },
      payload: body.payload,
    });
    if (started.statusCode !== 202) return { status: started.statusCode, error: started.json().error.message as string, job: null };
    for (;;) {
      const job = await fx.app.inject({ method: 'GET', url: `/api/dossier-imports/jobs/${started.json().id}`, cookies: session.cookies });
      if (job.json().state !== 'running') return { status: 202, error: null, job: job.json() };
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async function auditedActions(): Promise<string[]> {
    const rows = await fx.store.db.selectFrom('audit_log').select(['action']).orderBy('id').execute();
    return rows.map((r) => r.action);
  }

  const files = [...badFiles('dossiers-csv'), ...badFiles('dossiers-xlsx')];
  it.each(files.map((file) => [file.name, file] as const))('%s', async (_name, file) => {
    const scope = { importRuns: file.exit === 2, auditLog: false };
    const before = await snapshot(fx.store, scope);
    const auditedBefore = await auditedActions();
    const answer = await upload(file.name, await file.bytes());
    let text: string;
    if (file.exit === 2) {
      text = answer.error ?? answer.job?.error ?? '';
      expect(answer.status === 400 || answer.job?.state === 'failed', JSON.stringify(answer)).toBe(true);
    } else {
      expect(answer.job?.state, JSON.stringify(answer)).toBe('done');
      expect(answer.job.result).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, rejected: 1 });
      text = (answer.job.result.errors as Array<{ row: number; column: string; value: string; message: string }>)
        .map((e) => `dòng ${e.row}, cột "${e.column}", giá trị "${e.value}": ${e.message}`)
        .join('\n');
    }
    expect(text).toMatch(file.message);
    expectVietnameseOnly(text, [file.name]);
    expect(await snapshot(fx.store, scope)).toEqual(before);
    // The attempt is audited as the upload it was; a file read to its end also leaves the run's own line.
    // The job and the request finish concurrently: their lines come in either order.
    const audited = (await auditedActions()).slice(auditedBefore.length).sort();
    expect(audited).toEqual(file.exit === 2 ? ['dossiers.import.upload'] : ['dossiers.import', 'dossiers.import.upload']);
  });
});
