import { MIN_PASSWORD_LENGTH, newAccountProblems, USERNAME_PATTERN } from '../../domain/auth/account-rules';
import type { Role } from '../../domain/auth/role';
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

export { MIN_PASSWORD_LENGTH, USERNAME_PATTERN };

export function checkNewUser(input: Omit<AddUserInput, 'unitId'>): string[] {
  return newAccountProblems({ ...input, unitId: 0 }).map((p) => p.message);
}

/** Creates an account bound to a unit. Usernames are unique, case-insensitive. */
export async function addUser(store: Store, input: AddUserInput): Promise<{ user: UserRecord; unit: Unit }> {
  const username = input.username.trim().toLowerCase();
  const problems = newAccountProblems({ ...input, username });
  if (problems.length > 0) throw invalidInput(problems.map((p) => p.message).join(' '), { problems });
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
      unitId: unit.id,
      details: { role: created.role, unitId: unit.id },
    });
    return created;
  });
  return { user, unit };
}
