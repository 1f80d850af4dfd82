import { useId, useState, type FormEvent } from 'react';
import { accountChangeProblems, type AccountProblem } from '../../domain/auth/account-rules';
import { updateUser } from '../api/users';
import type { Role, Unit, User, UserChanges } from '../api/types';
import { ROLE_LABELS, ROLES } from '../auth/roles';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FieldProblem, invalid, ProblemSummary } from '../ui/FormProblems';
import { UnitPicker } from '../units/UnitPicker';

interface Props {
  user: User;
  /** The administrator's own account: its role and unit stay as they are. */
  self: boolean;
  scope: Unit;
  asOf: string;
  onSaved: (user: User, passwordReset: boolean) => void;
  onCancel: () => void;
}

/** An administrator edits an account: name, role, unit, and may set a new password (a reset). */
export function EditUserForm({ user, self, scope, asOf, onSaved, onCancel }: Props) {
  const id = useId();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [unit, setUnit] = useState<Unit | null>(user.unit);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const changes: UserChanges = {
      ...(displayName !== user.displayName ? { displayName } : {}),
      ...(role !== user.role ? { role } : {}),
      ...(unit && unit.id !== user.unit.id ? { unitId: unit.id } : {}),
      ...(password ? { password } : {}),
    };
    const found = accountChangeProblems(changes);
    if (!unit) found.push({ field: 'unitId', message: 'Hãy chọn đơn vị của tài khoản.' });
    setProblems(found);
    if (found.length > 0) return;
    if (Object.keys(changes).length === 0) return onCancel();
    setBusy(true);
    try {
      onSaved(await updateUser(user.id, changes), Boolean(changes.password));
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Sửa tài khoản {user.username}</h2>
      <ProblemSummary problems={problems} />
      <ErrorNotice error={error} />
      <label className="field">
        <span>Họ và tên</span>
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" aria-invalid={invalid(problems, 'displayName')} aria-describedby={`${id}-displayName`} />
        <FieldProblem id={`${id}-displayName`} problems={problems} field="displayName" />
      </label>
      <label className="field">
        <span>Vai trò</span>
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={self}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {self && <small className="hint">Không tự đổi vai trò, đơn vị của chính mình được.</small>}
      </label>
      {!self && <UnitPicker scope={scope} asOf={asOf} value={unit} onChange={setUnit} />}
      <FieldProblem id={`${id}-unitId`} problems={problems} field="unitId" />
      <label className="field">
        <span>Đặt lại mật khẩu</span>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" aria-invalid={invalid(problems, 'password')} aria-describedby={`${id}-password-hint ${id}-password`} />
        <small id={`${id}-password-hint`} className="hint">
          Để trống nếu không đổi. Mật khẩu mới có ít nhất 8 ký tự; người dùng phải đăng nhập lại.
        </small>
        <FieldProblem id={`${id}-password`} problems={problems} field="password" />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu thay đổi'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Hủy
        </button>
      </div>
    </form>
  );
}
