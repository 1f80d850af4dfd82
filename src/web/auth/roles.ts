import { ROLE_LABELS, ROLES, type Role } from '../../domain/auth/role';

export { ROLE_LABELS, ROLES, type Role };

export const roleLabel = (role: string): string => ROLE_LABELS[role as Role] ?? role;

export const isAdmin = (user: { role: Role }) => user.role === 'admin';
