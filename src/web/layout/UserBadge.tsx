import { useCurrentUser } from '../auth/SessionContext';

/** Who is signed in: name, then role and unit ("Cán bộ báo cáo · Xã Ba Bể"). */
export function UserBadge() {
  const user = useCurrentUser();
  return (
    <div className="user-badge">
      <span className="user-name">{user.displayName}</span>
      <span className="user-role">
        {user.roleLabel} · {user.unit.name}
      </span>
    </div>
  );
}
