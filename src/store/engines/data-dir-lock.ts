import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The file inside an embedded data folder that names the one process allowed to open it. */
export const LOCK_FILE = 'cchc.lock';

/** Who holds an embedded data folder, as written in its lock file. */
export interface DataDirHolder {
  pid: number;
  host: string;
  /** Linux boot id: a lock written before the last reboot is stale whatever its pid. */
  bootId?: string;
  /** Linux start time of the process (clock ticks since boot): tells a reused pid from the holder. */
  processStart?: string;
  /** The folder locked (real path): a lock copied along with a folder does not lock the copy. */
  dataDir: string;
  /** When the lock was taken (ISO instant). */
  since: string;
  /** What the holder is, for the message another process shows ("cchc serve", "cchc import dossiers"). */
  command: string;
  /** A running server's web address. */
  url?: string;
  /** A running server's control channel on the loopback interface (see cli/server-control). */
  control?: { port: number; token: string };
}

/** Another live process holds the folder: opening it here too would lose data. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: DataDirHolder,
    /** 'unknown' when the holder runs on another host and cannot be checked from here. */
    readonly liveness: 'alive' | 'unknown',
  ) {
    super(`data directory ${dataDir} is locked by process ${holder.pid} on ${holder.host} (${holder.command})`);
    this.name = 'DataDirLockedError';
  }
}

const readOptional = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
};

const currentBootId = () => readOptional('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/PID/stat (after the parenthesised command name, which may hold spaces). */
function processStartOf(pid: number): string | undefined {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

/** Whether the holder still runs: checked by host, boot, pid and the pid's start time. */
export function holderLiveness(holder: DataDirHolder): 'alive' | 'dead' | 'unknown' {
  if (holder.host !== hostname()) return 'unknown';
  const boot = currentBootId();
  if (holder.bootId && boot && holder.bootId !== boot) return 'dead';
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'dead';
  }
  const start = holder.processStart ? processStartOf(holder.pid) : undefined;
  if (holder.processStart && start !== undefined && start !== holder.processStart) return 'dead';
  return 'alive';
}

function parseHolder(raw: string | undefined): DataDirHolder | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<DataDirHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.dataDir !== 'string') return undefined;
    return value as DataDirHolder;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** Writes a new file only if none exists; false when one does. */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock, unless another process replaced it meanwhile: under a short-lived
 * guard file, the lock is removed only if it still holds the very text judged stale.
 */
async function removeStale(lockPath: string, staleText: string | undefined): Promise<void> {
  const guard = `${lockPath}.takeover`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (createExclusive(guard, String(process.pid))) {
      try {
        if (readOptional(lockPath) === staleText) unlinkSync(lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      } finally {
        unlinkSync(guard);
      }
      return;
    }
    // A guard is held for microseconds; one older than a few seconds was left by a killed process.
    if (ageMs(guard) > 5_000) {
      try {
        unlinkSync(guard);
      } catch {
        // another process removed it first
      }
    } else {
      await sleep(20);
    }
  }
}

/** The lock this process holds on an embedded data folder, released on close or exit. */
export class DataDirLock {
  #released = false;
  #text: string;
  readonly #onExit = () => this.release();

  constructor(
    readonly path: string,
    private current: DataDirHolder,
    text: string,
  ) {
    this.#text = text;
    process.once('exit', this.#onExit);
  }

  get holder(): DataDirHolder {
    return this.current;
  }

  /** Adds what other processes should know (a server's address and control channel). */
  update(patch: Partial<Pick<DataDirHolder, 'command' | 'url' | 'control'>>): void {
    if (this.#released) return;
    this.current = { ...this.current, ...patch };
    const text = JSON.stringify(this.current, null, 2);
    const temporary = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.path);
    this.#text = text;
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    process.removeListener('exit', this.#onExit);
    try {
      if (readOptional(this.path) === this.#text.trim()) unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}

/**
 * Takes the embedded data folder for this process, or throws DataDirLockedError naming the
 * live process that has it. A lock left by a process that died (kill -9, power loss) is
 * recognised by its pid, start time and boot id, and taken over.
 */
export async function acquireDataDirLock(dataDir: string, command: string): Promise<DataDirLock> {
  const realDir = realpathSync(dataDir);
  const lockPath = join(realDir, LOCK_FILE);
  const bootId = currentBootId();
  const processStart = processStartOf(process.pid);
  const holder: DataDirHolder = {
    pid: process.pid,
    host: hostname(),
    ...(bootId ? { bootId } : {}),
    ...(processStart ? { processStart } : {}),
    dataDir: realDir,
    since: new Date().toISOString(),
    command,
  };
  const text = JSON.stringify(holder, null, 2);
  for (let attempt = 0; attempt < 200; attempt++) {
    if (createExclusive(lockPath, text)) return new DataDirLock(lockPath, holder, text);
    const existingText = readOptional(lockPath);
    const existing = parseHolder(existingText);
    if (!existing) {
      // Created but not yet written by a process starting right now, or garbage from a crash.
      if (existingText !== undefined && ageMs(lockPath) < 2_000) {
        await sleep(25);
        continue;
      }
    } else if (existing.dataDir === realDir) {
      const liveness = holderLiveness(existing);
      if (liveness !== 'dead') throw new DataDirLockedError(realDir, existing, liveness);
    }
    // Stale: the holder died, or the lock came with a copy of another folder.
    await removeStale(lockPath, existingText);
  }
  throw new Error(`could not take the lock ${lockPath}`);
}
