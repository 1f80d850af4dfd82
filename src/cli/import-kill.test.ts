import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../domain/calendar/working-days';
import { generateDossierRows, writeDossierCsv } from '../services/demo/generate-dossiers';
import { seedDossierWorld, TEST_PROCEDURES } from '../services/dossiers/testing/dossier-test-setup';
import { openStore } from '../store/store';

const BIN = fileURLToPath(new URL('../../bin/cchc.js', import.meta.url));

describe('an import killed halfway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the embedded store exactly as it was before that file', async () => {
    const dataDir = join(dir, 'data');
    const store = await openStore({ engine: 'pglite', dataDir });
    await seedDossierWorld(store);
    const procedures = await store.procedures.all();
    const before = { dossiers: await store.dossiers.count(), facts: await store.db.selectFrom('dossier_facts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() };
    await store.close();
    writeFileSync(join(dir, 'procedures.csv'), TEST_PROCEDURES);

    const path = join(dir, 'big.csv');
    await writeDossierCsv(
      path,
      generateDossierRows({ unitCodes: ['01906', '02020'], procedures, calendar: new WorkCalendar(), from: '2026-01-01', to: '2026-06-30', count: 60_000, seed: 3 }),
    );
    const child = spawn(process.execPath, [BIN, 'import', 'dossiers', path, '--source', 'kill-test'], {
      env: { ...process.env, CCHC_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Kill it as soon as it reports rows written inside its transaction.
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

    const reopened = await openStore({ engine: 'pglite', dataDir });
    try {
      expect(await reopened.dossiers.count()).toBe(before.dossiers);
      const facts = await reopened.db.selectFrom('dossier_facts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(facts.n)).toBe(Number(before.facts.n));
      expect(await reopened.importRuns.findById(1)).toBeUndefined();
      expect(await reopened.procedures.count()).toBe(procedures.length);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
