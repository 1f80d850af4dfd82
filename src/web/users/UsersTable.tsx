import type { User } from '../api/types';
import { UserStatusButton } from './UserStatusButton';

interface Props {
  users: User[];
  currentUserId: number;
  busyId: number | null;
  onToggle: (user: User) => void;
  onEdit: (user: User) => void;
}

export function UsersTable({ users, currentUserId, busyId, onToggle, onEdit }: Props) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Danh sách tài khoản">
        <thead>
          <tr>
            <th scope="col">Tên đăng nhập</th>
            <th scope="col">Họ và tên</th>
            <th scope="col">Vai trò</th>
            <th scope="col">Đơn vị</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? '' : 'is-inactive'}>
              <td className="mono">{user.username}</td>
              <td>{user.displayName}</td>
              <td>{user.roleLabel}</td>
              <td>
                {user.unit.name} <span className="unit-code">{user.unit.code}</span>
              </td>
              <td>
                <span className={`status ${user.active ? 'status-on' : 'status-off'}`}>{user.active ? 'Đang hoạt động' : 'Đã khóa'}</span>
              </td>
              <td className="actions">
                <button type="button" className="button button-small" onClick={() => onEdit(user)} aria-label={`Sửa tài khoản ${user.username}`}>
                  Sửa
                </button>{' '}
                {user.id === currentUserId ? (
                  <span className="hint">Tài khoản của bạn</span>
                ) : (
                  <UserStatusButton user={user} busy={busyId === user.id} onToggle={onToggle} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
