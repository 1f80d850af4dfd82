import { ROLE_LABELS, ROLES, type Role } from '../../domain/auth/role';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import type { UserRecord } from '../../store/repositories/users.repository';
import { hashPassword } from '../auth/password';
import { conflict, invalidInput } from '../errors';

export interface AddUserInput {
  username: string;
  displayName: string;
  password: string;
  role: string;
  unitId: number;
  actorId?: number | null;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
export const MIN_PASSWORD_LENGTH = 8;

export function checkNewUser(input: Omit<AddUserInput, 'unitId'>): string[] {
  const problems: string[] = [];
  if (!USERNAME_PATTERN.test(input.username)) {
    problems.push('Tên đăng nhập phải dài 3–40 ký tự, chỉ gồm chữ thường không dấu, số và dấu . _ -');
  }
  if (!input.displayName.trim()) problems.push('Họ và tên không được để trống.');
  if (input.password.length < MIN_PASSWORD_LENGTH) problems.push(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  if (!ROLES.includes(input.role as Role)) {
    problems.push(`Vai trò "${input.role}" không hợp lệ (chọn: ${ROLES.map((r) => `${r} – ${ROLE_LABELS[r]}`).join(', ')}).`);
  }
  return problems;
}

/** Creates an account bound to a unit. Usernames are unique, case-insensitive. */
export async function addUser(store: Store, input: AddUserInput): Promise<{ user: UserRecord; unit: Unit }> {
  const username = input.username.trim().toLowerCase();
  const problems = checkNewUser({ ...input, username });
  if (problems.length > 0) throw invalidInput(problems.join(' '), { problems });
  const unit = await store.units.findById(input.unitId);
  if (!unit) throw invalidInput('Không tìm thấy đơn vị của tài khoản.');
  if (await store.users.findByUsername(username)) throw conflict(`Tên đăng nhập "${username}" đã được dùng.`);
  const passwordHash = await hashPassword(input.password);
  const user = await store.transaction(async (repos) => {
    const created = await repos.users.insert({
      username,
      displayName: input.displayName.trim(),
      passwordHash,
      role: input.role as Role,
      unitId: unit.id,
    });
    await repos.audit.record({
      userId: input.actorId ?? null,
      action: 'users.add',
      subject: username,
      details: { role: created.role, unitId: unit.id },
    });
    return created;
  });
  return { user, unit };
}
