import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../store';

/**
 * A fresh, migrated store for one test: in-memory PGlite by default, or a throw-away schema
 * on the PostgreSQL server named by TEST_DATABASE_URL (how CI runs the same suite on both).
 */
export async function openTestStore(): Promise<Store & { dispose(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const store = await openStore({ engine: 'pglite' });
    return Object.assign(store, { dispose: () => store.close() });
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const store = await openStore({ engine: 'postgres', url, schema });
  return Object.assign(store, {
    dispose: async () => {
      await store.close();
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleaner.end();
    },
  });
}

export const testEngineName = () => (process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
