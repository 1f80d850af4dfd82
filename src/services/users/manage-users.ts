import { mayManageUsers } from '../../domain/auth/access';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import type { UserRecord } from '../../store/repositories/users.repository';
import { assertUnitAccess, principalOf } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { hashPassword } from '../auth/password';
import { forbidden, invalidInput } from '../errors';
import { addUser, MIN_PASSWORD_LENGTH, type AddUserInput } from './add-user';

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
  displayName?: string;
  active?: boolean;
  password?: string;
}

/** Renames, (de)activates or resets the password of an account in the admin's subtree. */
export async function updateUser(store: Store, actor: SessionUser, userId: number, changes: UserChanges) {
  assertAdmin(actor);
  const target = await store.users.findById(userId);
  if (!target) throw forbidden('Bạn không có quyền quản lý tài khoản này.');
  await assertUnitAccess(store, actor, target.unitId, 'write').catch(() => {
    throw forbidden('Bạn không có quyền quản lý tài khoản này.');
  });
  if (changes.active === false && target.id === actor.id) throw invalidInput('Không thể tự khóa tài khoản của chính mình.');
  if (changes.password !== undefined && changes.password.length < MIN_PASSWORD_LENGTH) {
    throw invalidInput(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  }
  if (changes.displayName !== undefined && !changes.displayName.trim()) throw invalidInput('Họ và tên không được để trống.');
  await store.transaction(async (repos) => {
    await repos.users.update(target.id, {
      ...(changes.displayName !== undefined ? { displayName: changes.displayName.trim() } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      ...(changes.password !== undefined ? { passwordHash: await hashPassword(changes.password) } : {}),
    });
    if (changes.active === false || changes.password !== undefined) await repos.sessions.deleteForUser(target.id);
    await repos.audit.record({
      userId: actor.id,
      action: 'users.update',
      subject: target.username,
      details: { ...changes, password: changes.password === undefined ? undefined : '***' },
    });
  });
  const updated = (await store.users.findById(target.id))!;
  return { user: updated, unit: (await store.units.findById(updated.unitId))! };
}
