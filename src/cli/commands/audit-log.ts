import type { Command } from 'commander';
import { AUDIT_OUTCOME_LABELS, auditActionLabel, type AuditOutcomeName } from '../../domain/audit/audit-actions';
import { formatDateTimeVn, localDateTimeOf } from '../../domain/calendar/date-time';
import { parseDate } from '../../domain/text/iso-date';
import { AUDIT_PAGE_MAX, readAuditLog, type AuditLogPage, type AuditLogQuery } from '../../services/audit/read-audit-log';
import { AppError } from '../../services/errors';
import type { AuditRecord } from '../../store/repositories/audit.repository';
import { actingUser } from '../acting-user';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { ServerClient } from '../server-control';
import { StoreBusyError } from '../store-busy';
import { unitByCode } from '../unit-lookup';
import { withStore } from '../with-store';

interface AuditLogOptions {
  unit?: string;
  user?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  limit: string;
  before?: string;
  as?: string;
  json?: boolean;
}

const dateOption = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined;
  const date = parseDate(text);
  if (!date) throw new CliError(`--${name}: ngày "${text}" không hợp lệ (viết dd/mm/yyyy hoặc yyyy-mm-dd).`);
  return date;
};

const positive = (name: string, text: string | undefined, max: number) => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliError(`--${name}: cần số nguyên từ 1 đến ${max}.`);
  return n;
};

function line(e: AuditRecord): string {
  const who = e.actorName ? `${e.actorName}${e.actorUsername && e.actorUsername !== e.actorName ? ` (${e.actorUsername})` : ''}` : '(không đăng nhập)';
  const whoUnit = e.actorUnit?.name ? `, ${e.actorUnit.name}` : '';
  const about = e.unit?.name && e.unit.id !== e.actorUnit?.id ? ` — đơn vị: ${e.unit.name}` : '';
  const outcome = e.outcome === 'ok' ? '' : ` [${AUDIT_OUTCOME_LABELS[e.outcome]}${e.status ? ` ${e.status}` : ''}]`;
  const subject = e.subject ? ` — ${e.subject}` : '';
  return `${formatDateTimeVn(localDateTimeOf(e.at))}  ${who}${whoUnit}: ${auditActionLabel(e.action)}${outcome}${about}${subject}`;
}

export function registerAuditLogCommand(program: Command): void {
  program
    .command('audit-log')
    .description('xem nhật ký hoạt động (mới nhất trước); làm được cả khi máy chủ đang chạy')
    .option('--unit <mã>', 'chỉ hoạt động về, hoặc do người của, đơn vị này và các đơn vị trực thuộc')
    .option('--user <tên đăng nhập>', 'chỉ hoạt động của tài khoản này')
    .option('--action <thao tác>', 'thao tác, hoặc tiền tố kết thúc bằng dấu chấm (ví dụ report.)')
    .option('--outcome <kết quả>', 'ok, refused (bị từ chối), rejected (dữ liệu không hợp lệ), failed (lỗi hệ thống)')
    .option('--from <ngày>', 'từ ngày (dd/mm/yyyy)')
    .option('--to <ngày>', 'đến ngày (dd/mm/yyyy)')
    .option('--limit <số>', `số dòng (tối đa ${AUDIT_PAGE_MAX})`, '100')
    .option('--before <id>', 'chỉ các dòng cũ hơn dòng này (trang tiếp theo)')
    .option('--as <tên đăng nhập>', 'xem như quản trị viên này thấy (trong phạm vi đơn vị của họ)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: AuditLogOptions) => {
      if (options.outcome !== undefined && !(options.outcome in AUDIT_OUTCOME_LABELS)) {
        throw new CliError(`--outcome: "${options.outcome}" không hợp lệ; dùng ok, refused, rejected hoặc failed.`);
      }
      const base: Omit<AuditLogQuery, 'unitId'> = {
        ...(options.user ? { username: options.user } : {}),
        ...(options.action ? { action: options.action } : {}),
        ...(options.outcome ? { outcome: options.outcome as AuditOutcomeName } : {}),
        ...(options.from ? { from: dateOption('from', options.from) } : {}),
        ...(options.to ? { to: dateOption('to', options.to) } : {}),
        limit: positive('limit', options.limit, AUDIT_PAGE_MAX)!,
        ...(options.before ? { beforeId: positive('before', options.before, 2_147_483_647) } : {}),
      };
      let page: AuditLogPage;
      try {
        page = await withStore(async (store) => {
          const unitId = options.unit ? (await unitByCode(store, options.unit)).id : undefined;
          const reader = options.as === undefined ? null : await actingUser(store, options.as);
          return readAuditLog(store, reader, { ...base, ...(unitId !== undefined ? { unitId } : {}) });
        });
      } catch (error) {
        if (error instanceof AppError) throw new CliError(error.message, 1);
        const client = error instanceof StoreBusyError ? ServerClient.of(error.lock.holder) : undefined;
        if (!client) throw error;
        page = await client.auditLog(options.as, options.unit, base);
      }
      printResult(Boolean(options.json), page, () =>
        page.events.length === 0
          ? 'Không có hoạt động nào khớp điều kiện lọc.'
          : [...page.events.map(line), ...(page.nextBeforeId ? [`… còn nữa: thêm --before ${page.nextBeforeId} để xem tiếp.`] : [])].join('\n'),
      );
    });
}
