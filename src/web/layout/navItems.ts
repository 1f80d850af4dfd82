import type { Role } from '../auth/roles';

export interface NavItem {
  to: string;
  label: string;
  description: string;
  /** Roles that see the item; all roles when absent. */
  roles?: Role[];
}

/**
 * The pages of the app, in menu order. A new page gets its route in app/App.tsx and one line
 * here, e.g. the coming "Lịch làm việc" (/lich-lam-viec).
 */
export const NAV_ITEMS: NavItem[] = [
  {
    to: '/don-vi',
    label: 'Đơn vị hành chính',
    description: 'Tra cứu danh mục tỉnh, huyện, xã trước và sau 01/07/2025; xem tài khoản của từng đơn vị.',
  },
  {
    to: '/tai-khoan',
    label: 'Tài khoản',
    description: 'Tạo tài khoản cho cán bộ, khóa hoặc mở khóa tài khoản trong tỉnh.',
    roles: ['admin'],
  },
];

export const navItemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
