import type { User } from '../api/types';

interface Props {
  user: User;
  busy: boolean;
  onToggle: (user: User) => void;
}

/** Lock an active account, unlock a locked one. */
export function UserStatusButton({ user, busy, onToggle }: Props) {
  const action = user.active ? 'Khóa' : 'Mở khóa';
  return (
    <button
      type="button"
      className={`button button-small ${user.active ? 'button-danger' : ''}`}
      aria-label={`${action} tài khoản ${user.username}`}
      disabled={busy}
      onClick={() => onToggle(user)}
    >
      {action}
    </button>
  );
}
