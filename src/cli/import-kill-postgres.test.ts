import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../domain/calendar/working-days';
import { generateDossierRows, writeDossierCsv } from '../services/demo/generate-dossiers';
import { seedDossierWorld } from '../services/dossiers/testing/dossier-test-setup';
import { openStore } from '../store/store';

const BIN = fileURLToPath(new URL('../../bin/cchc.js', import.meta.url));
const URL_ = process.env.TEST_DATABASE_URL;

/** The PostgreSQL twin of import-kill.test.ts: killed mid-import, the server keeps nothing of the file, and the next import of it is whole. */
describe.skipIf(!URL_)('an import killed halfway on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-kill-pg-'));
  const schema = `kill_${randomBytes(5).toString('hex')}`;
  const url = `${URL_}${URL_?.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: URL_ });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  const counts = async () => {
    const store = await openStore({ engine: 'postgres', url: URL_!, schema });
    try {
      const facts = await store.db.selectFrom('dossier_facts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const runs = await store.db.selectFrom('import_runs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { dossiers: await store.dossiers.count(), facts: Number(facts.n), runs: Number(runs.n) };
    } finally {
      await store.close();
    }
  };

  it('leaves the server as it was, and the next import of the file completes', async () => {
    const admin = new pg.Client({ connectionString: URL_ });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const store = await openStore({ engine: 'postgres', url: URL_!, schema });
    await seedDossierWorld(store);
    const procedures = await store.procedures.all();
    await store.close();
    const before = await counts();

    const path = join(dir, 'big.csv');
    writeFileSync(path, '');
    await writeDossierCsv(
      path,
      generateDossierRows({ unitCodes: ['01906', '02020'], procedures, calendar: new WorkCalendar(), from: '2026-01-01', to: '2026-06-30', count: 60_000, seed: 3 }),
    );
    const env = { ...process.env, DATABASE_URL: url, CCHC_DATA_DIR: '' };
    const child = spawn(process.execPath, [BIN, 'import', 'dossiers', path, '--source', 'kill-test'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Đã đọc')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error('the import finished before it could be killed')));
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(await counts()).toEqual(before);

    const again = spawn(process.execPath, [BIN, 'import', 'dossiers', path, '--source', 'kill-test', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    again.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise((resolve) => again.on('exit', resolve));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ inserted: 60_000, updated: 0, unchanged: 0, rejected: 0 });
    const after = await counts();
    expect(after.dossiers).toBe(before.dossiers + 60_000);
    expect(after.runs).toBe(before.runs + 1);
  }, 240_000);
});
