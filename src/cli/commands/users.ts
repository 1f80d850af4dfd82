import { todayInVietnam } from '../../domain/calendar/date-time';
import type { Command } from 'commander';
import { ROLE_LABELS, ROLES } from '../../domain/auth/role';
import { formatDateVi, parseDate } from '../../domain/text/iso-date';
import { AppError } from '../../services/errors';
import { addUser } from '../../services/users/add-user';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { withStore } from '../with-store';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}


export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('tài khoản người dùng');
  users
    .command('add')
    .description('tạo tài khoản gắn với một đơn vị')
    .requiredOption('--username <tên>', 'tên đăng nhập (chữ thường không dấu, số, . _ -)')
    .requiredOption('--name <họ tên>', 'họ và tên hiển thị')
    .requiredOption('--role <vai trò>', `vai trò: ${ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ')}`)
    .requiredOption('--unit <mã>', 'mã đơn vị hành chính')
    .option('--as-of <ngày>', 'chọn đơn vị còn hiệu lực vào ngày này (mặc định hôm nay)')
    .option('--password <mật khẩu>', 'mật khẩu (nên dùng --password-stdin để không lưu vào lịch sử lệnh)')
    .option('--password-stdin', 'đọc mật khẩu từ đầu vào chuẩn')
    .option('--json', 'in kết quả dạng JSON')
    .action(
      async (options: {
        username: string;
        name: string;
        role: string;
        unit: string;
        asOf?: string;
        password?: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        const asOf = options.asOf === undefined ? todayInVietnam() : parseDate(options.asOf);
        if (!asOf) throw new CliError(`--as-of: ngày "${options.asOf}" không hợp lệ (viết dd/mm/yyyy hoặc yyyy-mm-dd).`);
        const password = options.passwordStdin ? await readStdin() : options.password;
        if (!password) throw new CliError('cần mật khẩu: dùng --password hoặc --password-stdin.');
        await withStore(async (store) => {
          const unit = await store.units.findByCodeOn(options.unit, asOf);
          if (!unit) throw new CliError(`--unit: không có đơn vị mã "${options.unit}" còn hiệu lực ngày ${formatDateVi(asOf)}.`);
          try {
            const { user } = await addUser(store, {
              username: options.username,
              displayName: options.name,
              password,
              role: options.role,
              unitId: unit.id,
            });
            printResult(
              Boolean(options.json),
              { id: user.id, username: user.username, role: user.role, unit: { id: unit.id, code: unit.code, name: unit.name } },
              () => `Đã tạo tài khoản "${user.username}" (${ROLE_LABELS[user.role]}) thuộc ${unit.name} (${unit.code}).`,
            );
          } catch (error) {
            if (error instanceof AppError) throw new CliError(error.message, 2);
            throw error;
          }
        });
      },
    );
}
