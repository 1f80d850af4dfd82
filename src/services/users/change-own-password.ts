import { ownPasswordProblems } from '../../domain/auth/account-rules';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { hashPassword, verifyPassword } from '../auth/password';
import { invalidInput } from '../errors';

/**
 * A signed-in user changes their own password, proving the current one. Their other sessions end
 * (someone who knew the old password is signed out); the one making the change stays. Audited.
 */
export async function changeOwnPassword(
  store: Store,
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  keepSessionId: string | null,
): Promise<void> {
  const problems = ownPasswordProblems(input);
  const account = await store.users.findById(user.id);
  if (!account) throw invalidInput('Không tìm thấy tài khoản.');
  if (input.currentPassword && !(await verifyPassword(input.currentPassword, account.passwordHash))) {
    problems.unshift({ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' });
  }
  if (problems.length > 0) throw invalidInput(problems.map((p) => p.message).join(' '), { problems });
  const passwordHash = await hashPassword(input.newPassword);
  await store.transaction(async (repos) => {
    await repos.users.update(user.id, { passwordHash });
    await repos.sessions.deleteForUserExcept(user.id, keepSessionId);
    await repos.audit.record({ userId: user.id, action: 'users.password.change', subject: user.username });
  });
}
