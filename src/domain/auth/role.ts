export const ROLES = ['officer', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: 'Cán bộ báo cáo',
  reviewer: 'Cán bộ thẩm định',
  admin: 'Quản trị',
};
