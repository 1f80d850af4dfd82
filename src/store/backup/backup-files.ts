import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Where automatic backups go: CCHC_BACKUP_DIR, or beside the data folder ("./data" → "./data-backups"). */
export function defaultBackupDir(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (env.CCHC_BACKUP_DIR) return resolve(env.CCHC_BACKUP_DIR);
  if (!dataDir) return resolve('cchc-backups');
  const absolute = resolve(dataDir);
  return join(dirname(absolute), `${basename(absolute)}-backups`);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A file name that sorts by time (Vietnam time, UTC+7), e.g. cchc-sao-luu-20261204-213005.tar.gz. */
export function backupFileName(kind: 'sao-luu' | 'truoc-cap-nhat' | 'truoc-khoi-phuc', extension: string, now = new Date()): string {
  const t = new Date(now.getTime() + 7 * 3600_000);
  const stamp = `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}-${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
  return `cchc-${kind}-${stamp}.${extension}`;
}

/** Keeps the newest `keep` automatic backups of a kind, removes the older ones. */
export function pruneBackups(dir: string, kind: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((name) => name.startsWith(`cchc-${kind}-`))
    .sort();
  for (const name of files.slice(0, Math.max(0, files.length - keep))) rmSync(join(dir, name), { force: true });
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
