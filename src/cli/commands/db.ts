import type { Command } from 'commander';
import { appliedMigrations } from '../../store/migrate';
import { printResult } from '../output';
import { withStore } from '../with-store';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('quản lý kho dữ liệu');
  db.command('migrate')
    .description('áp dụng các bản cập nhật cấu trúc dữ liệu (migration) còn thiếu')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(
        async (store) => {
          const applied = await store.migrate();
          const all = await appliedMigrations(store.database);
          printResult(Boolean(options.json), { engine: store.engine, applied, migrations: all }, () =>
            applied.length > 0
              ? [`Đã áp dụng ${applied.length} migration trên kho ${store.engine}:`, ...applied.map((name) => `  - ${name}`)].join('\n')
              : `Kho dữ liệu (${store.engine}) đã ở phiên bản mới nhất (${all.length} migration).`,
          );
        },
        { migrate: false },
      );
    });
}
