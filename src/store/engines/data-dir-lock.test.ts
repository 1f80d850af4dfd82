import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, type DataDirHolder } from './data-dir-lock';

/** A pid that certainly ran and ended: a child that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the lock on an embedded data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'cchc-lock-')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeHolder = (holder: Partial<DataDirHolder>) =>
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), dataDir: dir, since: new Date().toISOString(), command: 'cchc serve', ...holder }));

  it('is held by one opener at a time and names the holder to the second', async () => {
    const first = await acquireDataDirLock(dir, 'cchc serve');
    const second = await acquireDataDirLock(dir, 'cchc users add').catch((error: unknown) => error);
    expect(second).toBeInstanceOf(DataDirLockedError);
    expect((second as DataDirLockedError).holder).toMatchObject({ pid: process.pid, command: 'cchc serve', dataDir: dir });
    expect((second as DataDirLockedError).liveness).toBe('alive');
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const third = await acquireDataDirLock(dir, 'cchc users add');
    expect(third.holder.command).toBe('cchc users add');
    third.release();
  });

  it('takes over a lock left by a process that died', async () => {
    writeHolder({ pid: deadPid(), command: 'cchc import dossiers a.csv' });
    const lock = await acquireDataDirLock(dir, 'cchc serve');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, command: 'cchc serve' });
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process, or was written before a reboot', async () => {
    writeHolder({ processStart: '1' }); // this very pid, but not started at tick 1
    (await acquireDataDirLock(dir, 'x')).release();
    writeHolder({ bootId: 'an-earlier-boot' });
    if (existsSync('/proc/sys/kernel/random/boot_id')) (await acquireDataDirLock(dir, 'x')).release();
  });

  it('does not lock a copy: a lock naming another folder is stale here', async () => {
    writeHolder({ dataDir: '/somewhere/else' });
    (await acquireDataDirLock(dir, 'x')).release();
  });

  it('refuses a lock held on another host, which cannot be checked from here', async () => {
    writeHolder({ host: 'may-chu-khac', pid: 1 });
    const error = await acquireDataDirLock(dir, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).liveness).toBe('unknown');
  });

  it('keeps what a server adds (its address) for the next process to read', async () => {
    const lock = await acquireDataDirLock(dir, 'cchc serve');
    lock.update({ url: 'http://localhost:3000' });
    const error = (await acquireDataDirLock(dir, 'x').catch((e: unknown) => e)) as DataDirLockedError;
    expect(error.holder.url).toBe('http://localhost:3000');
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
