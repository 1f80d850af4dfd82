import { mayManageUsers } from '../../domain/auth/access';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import type { UserRecord } from '../../store/repositories/users.repository';
import { assertUnitAccess, noAccess, principalOf } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { hashPassword } from '../auth/password';
import { forbidden, invalidInput } from '../errors';
import { accountChangeProblems } from '../../domain/auth/account-rules';
import type { Role } from '../../domain/auth/role';
import { addUser, type AddUserInput } from './add-user';

function assertAdmin(actor: SessionUser): void {
  if (!mayManageUsers(principalOf(actor))) throw forbidden('Chỉ quản trị viên được quản lý tài khoản.');
}

/** Accounts of every unit in the admin's subtree. */
export async function listUsers(store: Store, actor: SessionUser): Promise<Array<{ user: UserRecord; unit: Unit }>> {
  assertAdmin(actor);
  const scope = await store.units.subtreeIds(actor.unit.id);
  const users = await store.users.listByUnits([...scope]);
  const units = new Map<number, Unit>();
  for (const id of new Set(users.map((u) => u.unitId))) {
    const unit = await store.units.findById(id);
    if (unit) units.set(id, unit);
  }
  return users.map((user) => ({ user, unit: units.get(user.unitId)! }));
}

export async function createUser(store: Store, actor: SessionUser, input: Omit<AddUserInput, 'actorId'>) {
  assertAdmin(actor);
  await assertUnitAccess(store, actor, input.unitId, 'write');
  return addUser(store, { ...input, actorId: actor.id });
}

export interface UserChanges {
  displayName?: string | undefined;
  active?: boolean | undefined;
  /** A new password set by the administrator (a reset): the account's sessions end. */
  password?: string | undefined;
  role?: string | undefined;
  /** Moves the account to another unit of the admin's subtree. */
  unitId?: number | undefined;
}

/** Renames, changes the role or unit of, (de)activates or resets the password of an account in the admin's subtree. */
export async function updateUser(store: Store, actor: SessionUser, userId: number, changes: UserChanges) {
  assertAdmin(actor);
  const target = await store.users.findById(userId);
  if (!target) throw noAccess('account');
  await assertUnitAccess(store, actor, target.unitId, 'write', 'account');
  const problems = accountChangeProblems(changes);
  if (changes.active === false && target.id === actor.id) problems.push({ field: 'role', message: 'Không thể tự khóa tài khoản của chính mình.' });
  if (changes.role !== undefined && changes.role !== target.role && target.id === actor.id) {
    problems.push({ field: 'role', message: 'Không thể tự đổi vai trò của chính mình: nhờ một quản trị viên khác.' });
  }
  if (changes.unitId !== undefined && changes.unitId !== target.unitId) {
    if (target.id === actor.id) problems.push({ field: 'unitId', message: 'Không thể tự chuyển tài khoản của chính mình sang đơn vị khác.' });
    else {
      const inScope = await assertUnitAccess(store, actor, changes.unitId, 'write').then(
        () => true,
        () => false,
      );
      if (!inScope) problems.push({ field: 'unitId', message: 'Đơn vị mới không thuộc phạm vi quản lý của bạn.' });
    }
  }
  if (problems.length > 0) throw invalidInput(problems.map((p) => p.message).join(' '), { problems });
  const moves = (changes.role !== undefined && changes.role !== target.role) || (changes.unitId !== undefined && changes.unitId !== target.unitId);
  await store.transaction(async (repos) => {
    await repos.users.update(target.id, {
      ...(changes.displayName !== undefined ? { displayName: changes.displayName.trim() } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      ...(changes.password !== undefined ? { passwordHash: await hashPassword(changes.password) } : {}),
      ...(changes.role !== undefined ? { role: changes.role as Role } : {}),
      ...(changes.unitId !== undefined ? { unitId: changes.unitId } : {}),
    });
    // A reset password, a lock, or new powers: the account signs in again.
    if (changes.active === false || changes.password !== undefined || moves) await repos.sessions.deleteForUser(target.id);
    await repos.audit.record({
      userId: actor.id,
      action: 'users.update',
      subject: target.username,
      unitId: target.unitId,
      details: { ...changes, password: changes.password === undefined ? undefined : '***' },
    });
  });
  const updated = (await store.users.findById(target.id))!;
  return { user: updated, unit: (await store.units.findById(updated.unitId))! };
}
