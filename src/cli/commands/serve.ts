import { todayInVietnam } from '../../domain/calendar/date-time';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { buildApp } from '../../http/app';
import { ROLE_LABELS } from '../../domain/auth/role';
import { seedDemo } from '../../services/demo/seed-demo';
import { dataDirLockOf } from '../../store/database';
import { openStore, storeConfigFromEnv } from '../../store/store';
import { DataDirLockedError } from '../../store/engines/data-dir-lock';
import { CliError } from '../cli-error';
import { startControlChannel, type ControlChannel } from '../server-control';
import { storeBusyAsCliError } from '../store-busy';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('chạy máy chủ web và API (mặc định http://localhost:3000)')
    .option('--port <cổng>', 'cổng (mặc định biến PORT hoặc 3000)')
    .option('--host <địa chỉ>', 'địa chỉ lắng nghe (mặc định biến HOST hoặc 0.0.0.0)')
    .option('--demo', 'nạp dữ liệu demo (danh mục đơn vị thật và tài khoản thử) nếu chưa có')
    .action(async (options: { port?: string; host?: string; demo?: boolean }) => {
      const port = Number(options.port ?? process.env.PORT ?? 3000);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`cổng "${options.port ?? process.env.PORT}" không hợp lệ.`);
      const host = options.host ?? process.env.HOST ?? '0.0.0.0';
      const config = storeConfigFromEnv();
      const store = await openStore(config.engine === 'pglite' ? { ...config, holder: 'cchc serve' } : config).catch((error: Error) => {
        if (error instanceof DataDirLockedError) throw storeBusyAsCliError(error);
        throw new CliError(`không mở được kho dữ liệu: ${error.message}`, 1);
      });
      if (options.demo) {
        process.stdout.write('Đang chuẩn bị dữ liệu demo…\n');
        const today = todayInVietnam();
        const demo = await seedDemo(store, { today });
        if (demo.unitsLoaded) process.stdout.write('Đã nạp danh mục đơn vị hành chính (trước và sau 01/07/2025).\n');
        if (demo.dossiers) process.stdout.write(`Đã tạo ${demo.dossiers.inserted.toLocaleString('vi-VN')} hồ sơ mẫu cho tỉnh demo.\n`);
        if (demo.reports?.obligationSet) process.stdout.write('Đã giao nghĩa vụ báo cáo quý, 6 tháng, 9 tháng, năm cho các xã của tỉnh demo.\n');
        if (demo.reports && demo.reports.created.length > 0) {
          process.stdout.write(`Đã tạo ${demo.reports.created.length} báo cáo quý mẫu (${[...demo.reports.previousPeriods].reverse().join(', ')}); kỳ ${demo.reports.currentPeriod} để các xã demo tự lập và gửi.\n`);
        }
        process.stdout.write('Tài khoản demo:\n');
        for (const account of demo.accounts) {
          process.stdout.write(
            `  ${account.username.padEnd(10)} mật khẩu ${account.password}  ${ROLE_LABELS[account.role]} — ${account.unitName}\n`,
          );
        }
      }
      const app = await buildApp({ store, logger: { level: process.env.CCHC_LOG_LEVEL ?? 'info' }, secureCookie: process.env.CCHC_SECURE_COOKIE === '1' });
      let control: ControlChannel | undefined;
      const shutdown = async () => {
        await control?.close();
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port, host });
      const url = `http://localhost:${(app.server.address() as AddressInfo).port}`;
      const lock = dataDirLockOf(store.database);
      if (lock) {
        // The folder is ours alone: backups and audit-log reading from the CLI come through here.
        control = await startControlChannel(store);
        lock.update({ url, control: { port: control.port, token: control.token } });
      }
      const where = config.engine === 'postgres' ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
      process.stdout.write(`CCHC đang chạy tại ${url} — kho dữ liệu: ${where}. Nhấn Ctrl+C để dừng.\n`);
      await new Promise(() => undefined); // serve until a signal ends the process
    });
}
