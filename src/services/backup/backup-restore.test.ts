import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/working-days';
import { generateDossierRows, writeDossierCsv } from '../demo/generate-dossiers';
import { importDossiers } from '../dossiers/import-dossiers';
import { seedDossierWorld } from '../dossiers/testing/dossier-test-setup';
import { computeReport, updateReportValues } from '../reports/compute-report';
import { addUser } from '../users/add-user';
import { openDatabase } from '../../store/database';
import { listMigrations, migrate } from '../../store/migrate';
import { openStore, type Store } from '../../store/store';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { dumpEmbedded, isGzip, restoreEmbedded } from '../../store/backup/embedded-backup';
import { dumpServer, restoreServer } from '../../store/backup/server-backup';

/** Every table of the store's schema, every row, in a stable order: what a restore must give back. */
async function snapshot(store: Store): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(store.db);
  const result: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql`SELECT to_jsonb(t) AS row FROM ${sql.table(name)} t`.execute(store.db);
    result[name] = rows.map((r) => JSON.stringify((r as { row: unknown }).row)).sort();
  }
  const { rows: sequences } = await sql<{ name: string; value: number }>`
    SELECT sequencename AS name, last_value AS value FROM pg_sequences WHERE schemaname = current_schema() ORDER BY sequencename`.execute(store.db);
  result['(sequences)'] = sequences.map((s) => `${s.name}=${s.value}`);
  return result;
}

/** Units, accounts, a procedure catalogue, 300 dossiers and their facts, a report with a revision, audit rows. */
async function fill(store: Store, dir: string): Promise<void> {
  const { A } = await seedDossierWorld(store);
  const { user } = await addUser(store, { username: 'xababe', displayName: 'Nguyễn Văn A', password: 'mat-khau-dai-du', role: 'officer', unitId: A });
  const path = join(dir, 'ho-so.csv');
  await writeDossierCsv(path, generateDossierRows({ unitCodes: ['01906'], procedures: await store.procedures.all(), calendar: new WorkCalendar(), from: '2026-01-01', to: '2026-03-31', count: 300, seed: 5 }));
  await importDossiers(store, { path, source: 'motcua', actor: null });
  const session = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(A))! };
  const draft = await computeReport(store, session, { unitId: A, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
  await updateReportValues(store, session, draft.report.id, { changes: [{ rowId: 'r_1_2_a', value: 7 }] });
}

/** What happens after the backup and must be undone by the restore. */
async function changeAfterBackup(store: Store): Promise<void> {
  await store.audit.record({ userId: null, action: 'report.values.save', actor: { username: null, name: 'sau sao lưu' } });
  await store.db.deleteFrom('report_values').execute();
  await store.units.insert({ code: '99999', name: 'Xã Mới', level: 'commune', parentId: null, validFrom: '2025-07-01', validTo: null });
}

describe(`backup, restore and compare every table (${testEngineName()})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(testEngineName() === 'pglite')('gives back the embedded folder exactly, and keeps what it replaced', async () => {
    const dataDir = join(dir, 'data');
    const store = await openStore({ engine: 'pglite', dataDir });
    await fill(store, dir);
    const before = await snapshot(store);
    const archive = await dumpEmbedded(store.database);
    await changeAfterBackup(store);
    const changed = await snapshot(store);
    await store.close();

    const previous = join(dir, 'truoc-khoi-phuc.tar.gz');
    expect((await restoreEmbedded(dataDir, archive, previous)).previousBackup).toBe(previous);
    const restored = await openStore({ engine: 'pglite', dataDir });
    try {
      expect(await snapshot(restored)).toEqual(before);
      expect(Object.keys(before)).toContain('audit_log');
      expect(before.dossiers).toHaveLength(300);
    } finally {
      await restored.close();
    }
    // The copy taken before the restore holds the state it replaced.
    await restoreEmbedded(dataDir, readFileSync(previous), join(dir, 'again.tar.gz'));
    const back = await openStore({ engine: 'pglite', dataDir });
    try {
      expect(await snapshot(back)).toEqual(changed);
    } finally {
      await back.close();
    }
  }, 180_000);

  it.runIf(testEngineName() === 'pglite')('saves a copy of an embedded folder before migrating it, not of a new one', async () => {
    const dataDir = join(dir, 'old');
    const backupDir = join(dir, 'auto');
    const old = await openDatabase({ engine: 'pglite', dataDir });
    const all = listMigrations();
    await migrate(old, all.slice(0, 3));
    await old.close();
    const store = await openStore({ engine: 'pglite', dataDir, backupDir });
    await store.close();
    const copies = readdirSync(backupDir);
    expect(copies).toEqual([expect.stringMatching(/^cchc-truoc-cap-nhat-\d{8}-\d{6}\.tar\.gz$/)]);
    const copy = readFileSync(join(backupDir, copies[0]!));
    expect(isGzip(copy) && copy.length > 100_000).toBe(true);
    const fresh = await openStore({ engine: 'pglite', dataDir: join(dir, 'fresh'), backupDir: join(dir, 'fresh-auto') });
    await fresh.close();
    expect(existsSync(join(dir, 'fresh-auto'))).toBe(false);
  }, 120_000);

  it.runIf(testEngineName() === 'postgres')('gives back the server schema exactly through pg_dump and pg_restore, in one transaction', async () => {
    const store = await openTestStore();
    try {
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(store.db);
      const schema = rows[0]!.schema;
      const url = process.env.TEST_DATABASE_URL!;
      await fill(store, dir);
      const before = await snapshot(store);
      const file = join(dir, 'sao-luu.dump');
      await dumpServer(url, schema, file);
      await changeAfterBackup(store);
      await restoreServer(url, schema, file);
      expect(await snapshot(store)).toEqual(before);
      // Append-only holds after a restore too.
      await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
      // A file that is not a CCHC backup changes nothing.
      await expect(restoreServer(url, schema, join(dir, 'ho-so.csv'))).rejects.toThrow(/không phải bản sao lưu/);
      expect(await snapshot(store)).toEqual(before);
      expect(existsSync(file)).toBe(true);
    } finally {
      await store.dispose();
    }
  }, 180_000);
});
