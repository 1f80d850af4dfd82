import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { currentLane, Mutex } from './mutex';

/**
 * Kysely driver for the embedded PGlite engine. PGlite has a single connection, so the
 * driver hands it out to one Kysely connection at a time: without that lock, a query
 * issued outside a transaction would run inside another caller's open transaction.
 */
export class PGliteDriver implements Driver {
  readonly #lock = new Mutex();
  readonly #connection: PGliteConnection;

  constructor(readonly pglite: PGlite) {
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // Statements of background work (an import) wait while a request is queued.
    await this.#lock.acquire(currentLane());
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.#lock.release();
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }

  /** Runs work on the raw engine while holding the connection: no transaction of anyone else is open. */
  async exclusive<T>(work: (pglite: PGlite) => Promise<T>): Promise<T> {
    await this.#lock.acquire();
    try {
      return await work(this.pglite);
    } finally {
      this.#lock.release();
    }
  }

  /** Runs a multi-statement SQL script while holding the connection. */
  async runScript(script: string): Promise<void> {
    await this.#lock.acquire();
    try {
      await this.pglite.exec(script);
    } finally {
      this.#lock.release();
    }
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite driver does not support streaming');
  }
}
