import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  name: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: readFileSync(`${dir}/${file}`, 'utf8') }));
}

/**
 * Applies pending migrations in order and returns the names applied. Each migration and
 * its bookkeeping row are sent as one multi-statement query, which PostgreSQL runs as a
 * single implicit transaction: a failing migration leaves no trace.
 */
export async function migrate(
  database: Database,
  migrations = listMigrations(),
  options: { beforeApplying?: (pending: string[], applied: number) => Promise<void> } = {},
): Promise<string[]> {
  await database.runScript(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());',
  );
  const applied = new Set(
    (await database.db.selectFrom('schema_migrations').select('name').execute()).map((row) => row.name),
  );
  const pending = migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
  if (pending.length > 0) await options.beforeApplying?.(pending, applied.size);
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.name)) continue;
    const record = `INSERT INTO schema_migrations (name) VALUES ('${migration.name}');`;
    await database.runScript(`${migration.sql}\n;\n${record}`);
    done.push(migration.name);
  }
  return done;
}

export async function appliedMigrations(database: Database): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(database.db);
  return rows.rows.map((row) => row.name);
}
