import type { SessionUser } from '../services/auth/session-user';
import { currentAuditScope } from '../store/audit/audit-scope';
import type { Store } from '../store/store';
import { CliError } from './cli-error';

/**
 * The account a command acts as (`--as USERNAME`): the same rights as when that person signs in,
 * and the workflow events record their name. The person at the terminal already holds the data
 * directory or the database, so no password is asked; an inactive account cannot act.
 */
export async function actingUser(store: Store, username: string | undefined): Promise<SessionUser> {
  const name = username?.trim();
  if (!name) throw new CliError('cần --as <tên đăng nhập>: tài khoản thực hiện thao tác (để ghi vào nhật ký ai đã làm).');
  const user = await store.users.findByUsername(name);
  if (!user) throw new CliError(`--as: không có tài khoản "${name}".`);
  if (!user.active) throw new CliError(`--as: tài khoản "${name}" đã bị khóa.`);
  const unit = await store.units.findById(user.unitId);
  if (!unit) throw new CliError(`--as: tài khoản "${name}" chưa được gắn với đơn vị hợp lệ.`);
  const scope = currentAuditScope();
  if (scope) scope.actorUserId = user.id;
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit };
}
