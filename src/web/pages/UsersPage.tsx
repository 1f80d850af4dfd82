import { useMemo, useState } from 'react';
import { listUsers, updateUser } from '../api/users';
import type { User } from '../api/types';
import { isAdmin } from '../auth/roles';
import { useCurrentUser } from '../auth/SessionContext';
import { todayIso } from '../format/date';
import { formatNumber } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { NoAccess } from '../ui/NoAccess';
import { Notice } from '../ui/Notice';
import { CreateUserForm } from '../users/CreateUserForm';
import { EditUserForm } from '../users/EditUserForm';
import { UsersTable } from '../users/UsersTable';

export function UsersPage() {
  useDocumentTitle('Tài khoản');
  const user = useCurrentUser();
  if (!isAdmin(user)) {
    return <NoAccess title="Tài khoản" message="Bạn không có quyền truy cập trang này. Chỉ quản trị viên được quản lý tài khoản." />;
  }
  return <UsersAdmin />;
}

function UsersAdmin() {
  const me = useCurrentUser();
  const today = useMemo(() => todayIso(), []);
  const users = useApiQuery((signal) => listUsers(signal), []);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<Error | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [editing, setEditing] = useState<User | null>(null);

  const onSaved = (saved: User, passwordReset: boolean) => {
    setEditing(null);
    setActionError(null);
    setMessage(`Đã lưu tài khoản “${saved.username}”${passwordReset ? ' và đặt lại mật khẩu: người dùng đăng nhập bằng mật khẩu mới' : ''}.`);
    users.reload();
  };

  const onCreated = (created: User) => {
    setActionError(null);
    setMessage(`Đã tạo tài khoản “${created.username}” cho ${created.unit.name}.`);
    users.reload();
  };

  const onToggle = async (target: User) => {
    setBusyId(target.id);
    setMessage(null);
    setActionError(null);
    try {
      const updated = await updateUser(target.id, { active: !target.active });
      setMessage(`${updated.active ? 'Đã mở khóa' : 'Đã khóa'} tài khoản “${updated.username}”.`);
      users.reload();
    } catch (failure) {
      setActionError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="page users-page">
      <h1>Tài khoản</h1>
      <p className="lead">Tài khoản của các đơn vị thuộc {me.unit.name}.</p>
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={actionError} />
      <div className="users-layout">
        <div className="panel">
          <h2>
            Danh sách tài khoản{users.data ? ` (${formatNumber(users.data.length)})` : ''}
          </h2>
          <ErrorNotice error={users.error} />
          {users.loading && !users.data && <LoadingNotice />}
          {users.data && (
            <UsersTable
              users={users.data}
              currentUserId={me.id}
              busyId={busyId}
              onToggle={onToggle}
              onEdit={(u) => {
                setMessage(null);
                setEditing(u);
              }}
            />
          )}
        </div>
        {editing ? (
          <EditUserForm key={editing.id} user={editing} self={editing.id === me.id} scope={me.unit} asOf={today} onSaved={onSaved} onCancel={() => setEditing(null)} />
        ) : (
          <CreateUserForm scope={me.unit} asOf={today} onCreated={onCreated} />
        )}
      </div>
    </section>
  );
}
