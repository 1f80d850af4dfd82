import { useState, type FormEvent } from 'react';
import { createUser } from '../api/users';
import type { Role, Unit, User } from '../api/types';
import { ROLE_LABELS, ROLES } from '../auth/roles';
import { ErrorNotice } from '../ui/ErrorNotice';
import { UnitPicker } from '../units/UnitPicker';

interface Props {
  scope: Unit;
  asOf: string;
  onCreated: (user: User) => void;
}

const EMPTY = { username: '', displayName: '', password: '', role: 'officer' as Role };

/** New account bound to a unit; the server checks the rules and answers in Vietnamese. */
export function CreateUserForm({ scope, asOf, onCreated }: Props) {
  const [fields, setFields] = useState(EMPTY);
  const [unit, setUnit] = useState<Unit | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unit) {
      setError(new Error('Hãy chọn đơn vị của tài khoản.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createUser({ ...fields, username: fields.username.trim(), unitId: unit.id });
      setFields(EMPTY);
      setUnit(null);
      onCreated(created);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel" onSubmit={onSubmit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">Tạo tài khoản mới</h2>
      <ErrorNotice error={error} />
      <label className="field">
        <span>Tên đăng nhập</span>
        <input value={fields.username} onChange={set('username')} autoComplete="off" autoCapitalize="none" spellCheck={false} required />
        <small className="hint">3–40 ký tự: chữ thường không dấu, số và dấu . _ -</small>
      </label>
      <label className="field">
        <span>Họ và tên</span>
        <input value={fields.displayName} onChange={set('displayName')} autoComplete="off" required />
      </label>
      <label className="field">
        <span>Mật khẩu</span>
        <input type="password" value={fields.password} onChange={set('password')} autoComplete="new-password" required />
        <small className="hint">Ít nhất 8 ký tự.</small>
      </label>
      <label className="field">
        <span>Vai trò</span>
        <select value={fields.role} onChange={set('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
      <UnitPicker scope={scope} asOf={asOf} value={unit} onChange={setUnit} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Đang tạo…' : 'Tạo tài khoản'}
      </button>
    </form>
  );
}
