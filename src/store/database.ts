import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { acquireDataDirLock, type DataDirLock } from './engines/data-dir-lock';
import { PGliteDriver } from './engines/pglite-driver';
import { PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { Schema } from './schema';

export type EngineName = 'pglite' | 'postgres';

export interface Database {
  readonly db: Kysely<Schema>;
  readonly engine: EngineName;
  /** Runs a multi-statement SQL script (migrations) on one connection. */
  runScript(script: string): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseConfig =
  /** No dataDir: in memory. `holder` tells other processes who has the folder (default: this command line). */
  | { engine: 'pglite'; dataDir?: string; holder?: string; backupDir?: string }
  | { engine: 'postgres'; url: string; schema?: string; backupDir?: string };

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Dates stay ISO strings (no host-timezone shifts); int8 counts fit in a JS number here.
const keepString = (value: string) => value;
const toNumber = (value: string) => Number(value);

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.engine === 'pglite' ? openPGlite(config.dataDir, config.holder) : openPostgres(config.url, config.schema);
}

const commandLine = () => ['cchc', ...process.argv.slice(2)].join(' ');

async function openPGlite(dataDir?: string, holder = commandLine()): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    // One process per folder: PGlite keeps pages in memory, so a second writer's changes are lost.
    lock = await acquireDataDirLock(dataDir, holder);
  }
  try {
    return await startPGlite(dataDir, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function startPGlite(dataDir: string | undefined, lock: DataDirLock | undefined): Promise<Database> {
  const pglite = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [DATE_OID]: keepString, [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber },
  });
  const driver = new PGliteDriver(pglite);
  const db = new Kysely<Schema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  await driver.init();
  return {
    db,
    engine: 'pglite',
    runScript: (script) => driver.runScript(script),
    close: async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
    pglite,
    driver,
    lock,
  } as Database;
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return keepString;
      if (oid === INT8_OID || oid === NUMERIC_OID) return toNumber;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // Fail fast with a clear error when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    runScript: async (script) => {
      await pool.query(script);
    },
    close: () => db.destroy(),
  };
}

/** The PGlite instance behind a database, for engine-specific work (benchmarks' COPY). */
export function pgliteOf(database: Database): PGlite | undefined {
  return (database as Database & { pglite?: PGlite }).pglite;
}

/** The lock this process holds on its embedded data folder (none in memory or on a server). */
export function dataDirLockOf(database: Database): DataDirLock | undefined {
  return (database as Database & { lock?: DataDirLock }).lock;
}

/** The embedded engine's driver, to hold its one connection for work that must see no open transaction. */
export function pgliteDriverOf(database: Database): PGliteDriver | undefined {
  return (database as Database & { driver?: PGliteDriver }).driver;
}
