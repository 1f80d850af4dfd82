import { ROLE_LABELS, ROLES, type Role } from './role';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

export type AccountField = 'username' | 'displayName' | 'password' | 'role' | 'unitId' | 'currentPassword' | 'newPassword' | 'confirmPassword';

/** One problem of an account form, at its field: the web form shows each beside its input. */
export interface AccountProblem {
  field: AccountField;
  message: string;
}

export function passwordMessage(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Mật khẩu dài quá ${MAX_PASSWORD_LENGTH} ký tự.`;
  return null;
}

const roleMessage = (role: string) => (ROLES.includes(role as Role) ? null : `Vai trò "${role}" không hợp lệ (chọn: ${ROLES.map((r) => `${r} – ${ROLE_LABELS[r]}`).join(', ')}).`);

/** Every problem of a new account at once (not the first one only). */
export function newAccountProblems(input: { username: string; displayName: string; password: string; role: string; unitId: number | null }): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (!USERNAME_PATTERN.test(input.username.trim().toLowerCase())) {
    problems.push({ field: 'username', message: 'Tên đăng nhập phải dài 3–40 ký tự, chỉ gồm chữ thường không dấu, số và dấu . _ -' });
  }
  if (!input.displayName.trim()) problems.push({ field: 'displayName', message: 'Họ và tên không được để trống.' });
  const password = passwordMessage(input.password);
  if (password) problems.push({ field: 'password', message: password });
  const role = roleMessage(input.role);
  if (role) problems.push({ field: 'role', message: role });
  if (input.unitId === null) problems.push({ field: 'unitId', message: 'Hãy chọn đơn vị của tài khoản.' });
  return problems;
}

/** Every problem of an administrator's edit of an account (only the fields given are checked). */
export function accountChangeProblems(changes: { displayName?: string | undefined; password?: string | undefined; role?: string | undefined }): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (changes.displayName !== undefined && !changes.displayName.trim()) problems.push({ field: 'displayName', message: 'Họ và tên không được để trống.' });
  const password = changes.password === undefined ? null : passwordMessage(changes.password);
  if (password) problems.push({ field: 'password', message: password });
  const role = changes.role === undefined ? null : roleMessage(changes.role);
  if (role) problems.push({ field: 'role', message: role });
  return problems;
}

/** Every problem of a user's change of their own password (the current one is checked by the server). */
export function ownPasswordProblems(input: { currentPassword: string; newPassword: string; confirmPassword?: string | undefined }): AccountProblem[] {
  const problems: AccountProblem[] = [];
  if (!input.currentPassword) problems.push({ field: 'currentPassword', message: 'Hãy nhập mật khẩu hiện tại.' });
  const password = passwordMessage(input.newPassword);
  if (password) problems.push({ field: 'newPassword', message: password.replace('Mật khẩu', 'Mật khẩu mới') });
  else if (input.newPassword === input.currentPassword) problems.push({ field: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' });
  if (input.confirmPassword !== undefined && input.confirmPassword !== input.newPassword) {
    problems.push({ field: 'confirmPassword', message: 'Nhập lại mật khẩu mới chưa khớp.' });
  }
  return problems;
}
