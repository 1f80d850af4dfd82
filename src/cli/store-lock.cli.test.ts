import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../domain/calendar/working-days';
import { generateDossierRows, writeDossierCsv } from '../services/demo/generate-dossiers';
import { seedDossierWorld } from '../services/dossiers/testing/dossier-test-setup';
import { LOCK_FILE } from '../store/engines/data-dir-lock';
import { openStore } from '../store/store';

const BIN = fileURLToPath(new URL('../../bin/cchc.js', import.meta.url));

/**
 * The process boundary is the point here: a second process on one embedded data folder is
 * refused with a Vietnamese message (exit 4), never allowed to write changes that vanish.
 */
describe('one process per embedded data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-lock-cli-'));
  const dataDir = join(dir, 'data');
  const env = { ...process.env, CCHC_DATA_DIR: dataDir, DATABASE_URL: '' };
  const cchc = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const start = (...args: string[]) => spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const addUser = (username: string) =>
    cchc('users', 'add', '--username', username, '--name', 'Nguyễn Văn A', '--role', 'officer', '--unit', '01906', '--password', 'mat-khau-dai-du', '--as-of', '2026-01-01');
  /** Waits until the child holds the folder: its pid is in the lock file. */
  const holding = async (child: ChildProcess) => {
    for (let i = 0; i < 600; i++) {
      const path = join(dataDir, LOCK_FILE);
      if (existsSync(path) && readFileSync(path, 'utf8').includes(`"pid": ${child.pid},`)) return;
      if (child.exitCode !== null) throw new Error(`the child ended (${child.exitCode}) before it held the folder`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the child never held the folder');
  };
  const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));
  const files: string[] = [];

  beforeAll(async () => {
    const store = await openStore({ engine: 'pglite', dataDir });
    await seedDossierWorld(store);
    const procedures = await store.procedures.all();
    await store.close();
    for (const [name, seed] of [['a.csv', 1], ['b.csv', 2]] as const) {
      const path = join(dir, name);
      await writeDossierCsv(path, generateDossierRows({ unitCodes: ['01906'], procedures, calendar: new WorkCalendar(), from: '2026-01-01', to: '2026-03-31', count: 3_000, seed }));
      files.push(path);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses "cchc users add" while the server runs, names the server, and adds the user once it is stopped', async () => {
    const server = start('serve', '--port', '0', '--host', '127.0.0.1');
    try {
      await holding(server);
      let url = '';
      for (let i = 0; i < 300 && !url; i++) {
        url = /"url": "([^"]+)"/.exec(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))?.[1] ?? '';
        if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const refused = addUser('xa.ba.be');
      expect(refused.code).toBe(4);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('đang được dùng bởi máy chủ CCHC');
      expect(refused.stderr).toContain(`tiến trình ${server.pid}`);
      expect(refused.stderr).toContain(url);
      expect(refused.stderr).toContain('dừng máy chủ');
      // What makes sense while it runs goes through the server itself.
      const backup = cchc('backup', '--out', join(dir, 'khi-chay.tar.gz'), '--json');
      expect(backup.code, backup.stderr).toBe(0);
      expect(JSON.parse(backup.stdout)).toMatchObject({ via: 'server', engine: 'pglite' });
      expect(readFileSync(join(dir, 'khi-chay.tar.gz')).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      const trail = cchc('audit-log', '--action', 'store.backup', '--json');
      expect(trail.code, trail.stderr).toBe(0);
      expect(JSON.parse(trail.stdout).events).toEqual([expect.objectContaining({ action: 'store.backup', channel: 'cli', actorName: expect.stringContaining('qua máy chủ') })]);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
    const added = addUser('xa.ba.be');
    expect(added.code, added.stderr).toBe(0);
    const store = await openStore({ engine: 'pglite', dataDir });
    try {
      expect(await store.users.findByUsername('xa.ba.be')).toBeDefined();
    } finally {
      await store.close();
    }
  }, 120_000);

  it('lets only one of two concurrent imports write; the other is told to wait, and every success is stored', async () => {
    const first = start('import', 'dossiers', files[0]!, '--source', 'motcua-a');
    await holding(first);
    // Paused while it holds the folder, however fast imports become, so the two surely overlap.
    first.kill('SIGSTOP');
    const second = cchc('import', 'dossiers', files[1]!, '--source', 'motcua-b');
    first.kill('SIGCONT');
    expect(second.code).toBe(4);
    expect(second.stderr).toContain('đang được dùng bởi lệnh "cchc import dossiers');
    expect(second.stderr).toContain('Hãy chờ lệnh đó chạy xong');
    expect(await exited(first)).toBe(0);
    const store = await openStore({ engine: 'pglite', dataDir });
    try {
      const bySource = await store.db.selectFrom('dossiers').select(['source', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('source').execute();
      expect(bySource.map((r) => [r.source, Number(r.n)])).toEqual([['motcua-a', 3_000]]);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const victim = start('import', 'dossiers', files[1]!, '--source', 'motcua-b');
    await holding(victim);
    victim.kill('SIGKILL');
    await exited(victim);
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toContain(`"pid": ${victim.pid},`);
    const added = addUser('xa.ba.be.2');
    expect(added.code, added.stderr).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 120_000);
});
