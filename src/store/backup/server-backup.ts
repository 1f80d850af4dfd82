import { spawn } from 'node:child_process';
import { chmodSync, closeSync, openSync, readSync } from 'node:fs';
import { BackupFormatError } from './embedded-backup';

/** libpq's environment for a connection URL, so no password shows in the process list. */
export function libpqEnv(url: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const u = new URL(url);
  const out: NodeJS.ProcessEnv = { ...env };
  if (u.hostname) out.PGHOST = decodeURIComponent(u.hostname.replace(/^\[|\]$/g, ''));
  if (u.port) out.PGPORT = u.port;
  if (u.username) out.PGUSER = decodeURIComponent(u.username);
  if (u.password) out.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (database) out.PGDATABASE = database;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) out.PGSSLMODE = sslmode;
  const host = u.searchParams.get('host');
  if (host) out.PGHOST = host;
  return out;
}

/** A PostgreSQL client tool (pg_dump, pg_restore, psql) is missing: say which package brings it. */
export class MissingToolError extends Error {
  constructor(readonly tool: string) {
    super(`${tool} not found`);
    this.name = 'MissingToolError';
  }
}

interface RunResult {
  code: number;
  stderr: string;
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv, stdin?: (write: NodeJS.WritableStream) => Promise<void>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: [stdin ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 20_000) stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new MissingToolError(tool) : error));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
    if (stdin) stdin(child.stdin!).catch((error: Error) => child.kill() && reject(error));
  });
}

/** The first five bytes of pg_dump's custom format. */
export function isPgDumpArchive(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    return head.toString('latin1') === 'PGDMP';
  } finally {
    closeSync(fd);
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** pg_dump of the store's schema in the custom format (compressed, restorable with pg_restore). */
export async function dumpServer(url: string, schema: string, outFile: string): Promise<void> {
  const result = await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${schema}`, `--file=${outFile}`], libpqEnv(url));
  if (result.code !== 0) throw new Error(`pg_dump: ${result.stderr.trim()}`);
  chmodSync(outFile, 0o600);
}

/**
 * Replaces the store's schema by a pg_dump archive in ONE transaction: the schema is dropped and
 * the archive's SQL replayed by psql with ON_ERROR_STOP, so a failure leaves the database as it was.
 */
export async function restoreServer(url: string, schema: string, archiveFile: string): Promise<void> {
  if (!isPgDumpArchive(archiveFile)) throw new BackupFormatError('không phải bản sao lưu của máy chủ PostgreSQL (cần tệp do "cchc backup" tạo từ pg_dump).');
  const listing = await new Promise<string>((resolve, reject) => {
    const child = spawn('pg_restore', ['--list', archiveFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new MissingToolError('pg_restore') : error));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new BackupFormatError('pg_restore không đọc được tệp.'))));
  });
  const archived = /^\d+; \d+ \d+ TABLE \S+ (\S+) schema_migrations /m.exec(listing)?.[1] ?? /TABLE (\S+) schema_migrations/.exec(listing)?.[1];
  if (!archived) throw new BackupFormatError('tệp là một bản pg_dump nhưng không phải kho dữ liệu CCHC.');
  if (archived !== schema) throw new BackupFormatError(`bản sao lưu là của schema "${archived}", còn kho hiện tại dùng schema "${schema}".`);
  const env = libpqEnv(url);
  const result = await run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', '-'], env, async (stdin) => {
    stdin.write(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE;\n`);
    await new Promise<void>((resolve, reject) => {
      const sqlOut = spawn('pg_restore', ['--no-owner', '--no-privileges', '-f', '-', archiveFile], { stdio: ['ignore', 'pipe', 'pipe'] });
      sqlOut.on('error', reject);
      sqlOut.stdout.pipe(stdin, { end: true });
      sqlOut.on('close', (code) => (code === 0 ? resolve() : reject(new Error('pg_restore failed'))));
    });
  });
  if (result.code !== 0) throw new Error(`psql: ${result.stderr.trim()}`);
}
