import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Command } from 'commander';
import { formatViNumber } from '../../domain/templates/vi-number';
import { backupFileName, defaultBackupDir } from '../../store/backup/backup-files';
import { BackupFormatError, dumpEmbedded, restoreEmbedded } from '../../store/backup/embedded-backup';
import { dumpServer, MissingToolError, restoreServer } from '../../store/backup/server-backup';
import { DataDirLockedError } from '../../store/engines/data-dir-lock';
import { storeConfigFromEnv, type Store } from '../../store/store';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { ServerClient } from '../server-control';
import { EXIT_STORE_BUSY, StoreBusyError, storeBusyMessage } from '../store-busy';
import { withStore } from '../with-store';

const missingTool = (error: MissingToolError) =>
  new CliError(`không tìm thấy lệnh ${error.tool} của PostgreSQL: cài gói postgresql-client (Debian/Ubuntu: apt-get install postgresql-client), cùng phiên bản chính với máy chủ hoặc mới hơn.`, 1);

/** Writes beside the target then renames, so a half-written file never looks like a backup. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  // A backup holds password hashes and every report: readable by its owner only.
  writeFileSync(partial, bytes, { mode: 0o600 });
  renameSync(partial, path);
}

const currentSchema = async (store: Store) => (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(store.db)).rows[0]!.schema;

const sizeOf = (path: string) => `${formatViNumber(Math.max(1, Math.round(statSync(path).size / 1024)))} KB`;

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('sao lưu toàn bộ dữ liệu vào một tệp (làm được cả khi máy chủ đang chạy)')
    .option('--out <tệp>', 'tệp sao lưu (mặc định: thư mục sao lưu, tên theo thời điểm)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { out?: string; json?: boolean }) => {
      const config = storeConfigFromEnv();
      const extension = config.engine === 'postgres' ? 'dump' : 'tar.gz';
      const out = resolve(options.out ?? join(config.backupDir ?? defaultBackupDir(config.engine === 'pglite' ? config.dataDir : undefined), backupFileName('sao-luu', extension)));
      let via: 'store' | 'server' = 'store';
      try {
        await withStore(async (store) => {
          if (store.engine === 'pglite') {
            writeAtomically(out, await dumpEmbedded(store.database));
          } else {
            mkdirSync(dirname(out), { recursive: true });
            await dumpServer(config.engine === 'postgres' ? config.url : '', await currentSchema(store), `${out}.partial`).catch((error: unknown) => {
              rmSync(`${out}.partial`, { force: true });
              throw error instanceof MissingToolError ? missingTool(error) : error;
            });
            renameSync(`${out}.partial`, out);
          }
          await store.audit.record({ userId: null, action: 'store.backup', details: { file: out } });
        });
      } catch (error) {
        // The running server holds the folder: it takes the backup itself.
        const client = error instanceof StoreBusyError ? ServerClient.of(error.lock.holder) : undefined;
        if (!client) throw error;
        writeAtomically(out, await client.backup());
        via = 'server';
      }
      printResult(Boolean(options.json), { file: out, engine: config.engine, bytes: statSync(out).size, via }, () =>
        `Đã sao lưu kho dữ liệu (${config.engine === 'postgres' ? 'PostgreSQL, pg_dump' : 'nhúng'}${via === 'server' ? ', qua máy chủ đang chạy' : ''}) vào ${out} (${sizeOf(out)}).\nKhôi phục: cchc restore ${out}`,
      );
    });

  program
    .command('restore <tệp>')
    .description('khôi phục toàn bộ dữ liệu từ một tệp sao lưu; dữ liệu hiện có được tự động sao lưu trước')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const config = storeConfigFromEnv();
      const path = resolve(file);
      let bytes: Uint8Array | undefined;
      try {
        if (!statSync(path).isFile()) throw new Error('not a file');
        if (config.engine === 'pglite') bytes = readFileSync(path);
      } catch {
        throw new CliError(`${file}: không đọc được tệp.`);
      }
      const backupDir = config.backupDir ?? defaultBackupDir(config.engine === 'pglite' ? config.dataDir : undefined);
      const previous = join(backupDir, backupFileName('truoc-khoi-phuc', config.engine === 'postgres' ? 'dump' : 'tar.gz'));
      let previousBackup: string | null = null;
      try {
        if (config.engine === 'pglite') {
          previousBackup = (await restoreEmbedded(config.dataDir!, bytes!, previous)).previousBackup;
        } else {
          await withStore(async (store) => {
            const schema = await currentSchema(store);
            mkdirSync(backupDir, { recursive: true });
            await dumpServer(config.url, schema, previous);
            previousBackup = previous;
            await restoreServer(config.url, schema, path);
          }, { migrate: false });
        }
      } catch (error) {
        if (error instanceof DataDirLockedError) {
          throw new CliError(`${storeBusyMessage(error)}\nKhôi phục thay toàn bộ dữ liệu nên phải dừng máy chủ trước.`, EXIT_STORE_BUSY);
        }
        if (error instanceof BackupFormatError) throw new CliError(`${file}: ${error.message}`, 2);
        if (error instanceof MissingToolError) throw missingTool(error);
        throw error;
      }
      // Opening migrates a backup taken before an update, and records the restore in its audit trail.
      const summary = await withStore(async (store) => {
        await store.audit.record({ userId: null, action: 'store.restore', details: { file: path, previousBackup } });
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(store.db);
        return { migrations: rows[0]!.n };
      });
      printResult(Boolean(options.json), { file: path, engine: config.engine, previousBackup, migrations: summary.migrations }, () =>
        [
          `Đã khôi phục kho dữ liệu (${config.engine === 'postgres' ? 'PostgreSQL' : 'nhúng'}) từ ${path}.`,
          previousBackup ? `Dữ liệu trước khi khôi phục được lưu ở ${previousBackup}.` : 'Thư mục dữ liệu trước đó còn trống.',
        ].join('\n'),
      );
    });
}
