import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { appliedMigrations, listMigrations, migrate } from './migrate';
import { openStore } from './store';
import { openTestStore, testEngineName } from './testing/test-store';

describe(`migrations on ${testEngineName()}`, () => {
  it('records each migration once and applies nothing twice', async () => {
    const store = await openTestStore();
    try {
      expect(await appliedMigrations(store.database)).toEqual(listMigrations().map((m) => m.name));
      expect(await store.migrate()).toEqual([]);
    } finally {
      await store.dispose();
    }
  });

  it('leaves no trace of a migration that fails halfway', async () => {
    const store = await openTestStore();
    try {
      const broken = [{ name: '999_broken', sql: 'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;' }];
      await expect(migrate(store.database, broken)).rejects.toThrow(/no_such_table/);
      expect(await appliedMigrations(store.database)).not.toContain('999_broken');
      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('half_done');
    } finally {
      await store.dispose();
    }
  });
});

describe('the embedded engine on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across a restart', async () => {
    const first = await openStore({ engine: 'pglite', dataDir: dir });
    await first.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    await first.close();
    const again = await openStore({ engine: 'pglite', dataDir: dir });
    expect((await again.units.findByCodeOn('19', '2026-01-01'))?.name).toBe('Tỉnh Thái Nguyên');
    await again.close();
  });

  it('reads dates as plain ISO strings whatever the host timezone', async () => {
    const db = await openDatabase({ engine: 'pglite' });
    const { rows } = await sql<{ d: string }>`SELECT '2025-06-30'::date AS d`.execute(db.db);
    expect(rows[0]!.d).toBe('2025-06-30');
    await db.close();
  });
});
