import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDriverOf, type Database } from '../database';
import { acquireDataDirLock, LOCK_FILE } from '../engines/data-dir-lock';

/** The first bytes of a gzip file: an embedded backup is a gzipped tar of the data folder. */
export const isGzip = (bytes: Uint8Array) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Raised when a file is not a backup this engine can restore. */
export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

/**
 * The embedded data folder as one gzipped tar, consistent: taken while holding the engine's only
 * connection (no transaction is open), after a checkpoint, by the process that holds the folder.
 */
export async function dumpEmbedded(database: Database): Promise<Uint8Array> {
  const driver = pgliteDriverOf(database);
  if (!driver) throw new Error('not an embedded store');
  return driver.exclusive(async (pglite) => {
    await pglite.exec('CHECKPOINT');
    const archive = await pglite.dumpDataDir('gzip');
    return new Uint8Array(await archive.arrayBuffer());
  });
}

/** Checks that an archive opens as a CCHC store, in a scratch folder; returns the folder. */
async function unpackAndCheck(archive: Uint8Array, scratch: string): Promise<void> {
  if (!isGzip(archive)) throw new BackupFormatError('không phải bản sao lưu của kho dữ liệu nhúng (cần tệp .tar.gz do "cchc backup" tạo).');
  let pglite: PGlite | undefined;
  try {
    pglite = new PGlite({ dataDir: scratch, loadDataDir: new Blob([archive as Uint8Array<ArrayBuffer>]) });
    await pglite.waitReady;
    const { rows } = await pglite.query<{ found: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS found");
    if (!rows[0]?.found) throw new BackupFormatError('tệp là một cơ sở dữ liệu nhưng không phải kho dữ liệu CCHC.');
  } catch (error) {
    if (error instanceof BackupFormatError) throw error;
    throw new BackupFormatError(`không đọc được bản sao lưu (${(error as Error).message}).`);
  } finally {
    await pglite?.close().catch(() => undefined);
  }
}

/** Dumps a folder that this process has locked but not opened (before a restore replaces it). */
async function dumpFolder(dataDir: string): Promise<Uint8Array> {
  const pglite = new PGlite({ dataDir });
  try {
    await pglite.waitReady;
    await pglite.exec('CHECKPOINT');
    return new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await pglite.close();
  }
}

export interface EmbeddedRestoreResult {
  /** The copy of what the folder held before, if it held a store. */
  previousBackup: string | null;
}

/**
 * Replaces the embedded data folder by an archive. The folder is locked throughout (a running
 * server refuses it); the archive is first unpacked and opened in a scratch folder, and what the
 * folder held is saved to `backupDir`, so a bad file or a crash never loses the current data.
 */
export async function restoreEmbedded(dataDir: string, archive: Uint8Array, previousBackupPath: string): Promise<EmbeddedRestoreResult> {
  mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir, 'cchc restore');
  const target = lock.holder.dataDir;
  const scratch = join(dirname(target), `.${Date.now()}-${process.pid}-restoring`);
  try {
    await unpackAndCheck(archive, scratch);
    let previousBackup: string | null = null;
    if (existsSync(join(target, 'PG_VERSION'))) {
      mkdirSync(dirname(resolve(previousBackupPath)), { recursive: true });
      writeFileSync(previousBackupPath, await dumpFolder(target), { mode: 0o600 });
      previousBackup = previousBackupPath;
    }
    for (const name of readdirSync(target)) if (name !== LOCK_FILE) rmSync(join(target, name), { recursive: true, force: true });
    for (const name of readdirSync(scratch)) if (name !== LOCK_FILE) renameSync(join(scratch, name), join(target, name));
    return { previousBackup };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    lock.release();
  }
}
