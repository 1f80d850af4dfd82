import { formatDateTimeVn, localDateTimeOf } from '../domain/calendar/date-time';
import { DataDirLockedError } from '../store/engines/data-dir-lock';
import { CliError } from './cli-error';

/** Exit code of a command refused because another process has the embedded data folder. */
export const EXIT_STORE_BUSY = 4;

/**
 * What to tell the person at the terminal when another process has the data folder: who has
 * it, and what to do instead (use the running server, wait, or stop it) — never a silent loss.
 */
export function storeBusyMessage(error: DataDirLockedError): string {
  const { holder } = error;
  const since = formatDateTimeVn(localDateTimeOf(holder.since));
  const where = error.liveness === 'unknown' ? `tiến trình ${holder.pid} trên máy "${holder.host}"` : `tiến trình ${holder.pid}`;
  const lines = [`thư mục dữ liệu ${error.dataDir} đang được dùng bởi ${holder.url ? 'máy chủ CCHC' : `lệnh "${holder.command}"`} (${where}, từ ${since}).`];
  lines.push('Hai tiến trình cùng mở một kho dữ liệu nhúng sẽ làm mất dữ liệu, nên lệnh này không chạy.');
  if (holder.url) {
    lines.push(`Hãy làm việc này trên giao diện web hoặc API của máy chủ tại ${holder.url},`);
    lines.push(`hoặc dừng máy chủ (Ctrl+C ở cửa sổ của nó, hoặc kill ${holder.pid}) rồi chạy lại lệnh.`);
    lines.push('Khi máy chủ đang chạy, "cchc backup" và "cchc audit-log" vẫn làm được (qua máy chủ).');
  } else {
    lines.push('Hãy chờ lệnh đó chạy xong rồi chạy lại lệnh này.');
  }
  if (error.liveness === 'unknown') {
    lines.push(`Không kiểm tra được tiến trình trên máy khác: nếu chắc chắn không còn tiến trình nào dùng thư mục này, xóa tệp ${error.dataDir}/cchc.lock.`);
  }
  return lines.join('\n');
}

/** A command refused because another process has the folder; keeps who, for commands that can ask it. */
export class StoreBusyError extends CliError {
  constructor(readonly lock: DataDirLockedError) {
    super(storeBusyMessage(lock), EXIT_STORE_BUSY);
  }
}

/** Turns a busy data folder into the CLI's message and exit code; other errors pass through. */
export function storeBusyAsCliError(error: unknown): unknown {
  return error instanceof DataDirLockedError ? new StoreBusyError(error) : error;
}
