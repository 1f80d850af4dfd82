import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../store/database';
import { openStore, type Store } from '../../store/store';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { addUser } from '../users/add-user';
import { computeReport } from './compute-report';

const SAVER = fileURLToPath(new URL('./testing/save-values-forever.ts', import.meta.url));
const ROWS = ['r_1_2_a', 'r_1_2_b', 'r_1_4_2_a', 'r_1_4_2_b', 'r_2_4_a', 'r_2_4_b'];

/** A commune, its officer and a draft report; returns what the child needs. */
async function prepare(store: Store) {
  const P = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
  const A = await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
  const { user } = await addUser(store, { username: 'xababe', displayName: 'Nguyễn Văn A', password: 'mat-khau-dai-du', role: 'officer', unitId: A });
  const session = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(A))! };
  const { report } = await computeReport(store, session, { unitId: A, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
  return { reportId: report.id, username: 'xababe', rows: ROWS };
}

/** Starts the saver, lets it save a few times, kills it with SIGKILL at a moment it is saving. */
async function killMidSave(config: DatabaseConfig, report: Awaited<ReturnType<typeof prepare>>): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', SAVER], {
    env: { ...process.env, CCHC_KILL_TEST_STORE: JSON.stringify(config), CCHC_KILL_TEST_REPORT: JSON.stringify(report) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let saved = 0;
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      saved = Math.max(saved, ...chunk.toString().trim().split('\n').map(Number));
      // Past a few saves, the next is under way: kill it a little later, inside that save.
      if (saved >= 5 && !child.killed) setTimeout(() => (child.kill('SIGKILL'), resolve()), 3);
    });
    child.on('exit', (code) => (child.killed ? resolve() : reject(new Error(`the saver ended by itself (${code}): ${stderr}`))));
  });
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('exit', resolve)));
  return saved;
}

/** Each save wrote all rows or none; the revision counter matches the revisions kept. */
async function expectWholeSaves(store: Store, reportId: number, savedAtLeast: number): Promise<void> {
  const values = await store.db.selectFrom('report_values').select(['row_id', 'value']).where('report_id', '=', reportId).where('row_id', 'in', ROWS).execute();
  const distinct = new Set(values.map((v) => JSON.stringify(v.value)));
  expect(values).toHaveLength(ROWS.length);
  expect(distinct.size).toBe(1);
  const k = Number([...distinct][0]);
  expect(k).toBeGreaterThanOrEqual(savedAtLeast);
  const report = await store.db.selectFrom('reports').select('revision').where('id', '=', reportId).executeTakeFirstOrThrow();
  const { rows } = await sql<{ n: number; last: number }>`SELECT count(*)::int AS n, max(revision)::int AS last FROM report_revisions WHERE report_id = ${reportId}`.execute(store.db);
  expect(rows[0]!.last).toBe(report.revision);
  const latest = await store.db.selectFrom('report_revisions').select('changes').where('report_id', '=', reportId).orderBy('revision', 'desc').limit(1).executeTakeFirstOrThrow();
  expect(JSON.stringify(latest.changes)).toContain(`"after":${k}`);
}

describe(`a report save killed with SIGKILL (${testEngineName()})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-save-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(testEngineName() === 'pglite')('leaves the embedded store with whole saves only, and the folder opens again', async () => {
    const config: DatabaseConfig = { engine: 'pglite', dataDir: join(dir, 'data') };
    const store = await openStore(config);
    const report = await prepare(store);
    await store.close();
    const saved = await killMidSave(config, report);
    const reopened = await openStore(config);
    try {
      await expectWholeSaves(reopened, report.reportId, saved);
    } finally {
      await reopened.close();
    }
  }, 180_000);

  it.runIf(testEngineName() === 'postgres')('leaves the server with whole saves only', async () => {
    const store = await openTestStore();
    try {
      const report = await prepare(store);
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(store.db);
      const saved = await killMidSave({ engine: 'postgres', url: process.env.TEST_DATABASE_URL!, schema: rows[0]!.schema }, report);
      await expectWholeSaves(store, report.reportId, saved);
    } finally {
      await store.dispose();
    }
  }, 180_000);
});
