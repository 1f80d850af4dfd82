import { useId, useState, type FormEvent } from 'react';
import { newAccountProblems, type AccountProblem } from '../../domain/auth/account-rules';
import { createUser } from '../api/users';
import type { Role, Unit, User } from '../api/types';
import { ROLE_LABELS, ROLES } from '../auth/roles';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FieldProblem, invalid, ProblemSummary } from '../ui/FormProblems';
import { UnitPicker } from '../units/UnitPicker';

interface Props {
  scope: Unit;
  asOf: string;
  onCreated: (user: User) => void;
}

const EMPTY = { username: '', displayName: '', password: '', role: 'officer' as Role };

/** New account bound to a unit: every problem is shown at once, at its field; the server checks again. */
export function CreateUserForm({ scope, asOf, onCreated }: Props) {
  const id = useId();
  const [fields, setFields] = useState(EMPTY);
  const [unit, setUnit] = useState<Unit | null>(null);
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const found = newAccountProblems({ ...fields, unitId: unit?.id ?? null });
    setProblems(found);
    if (found.length > 0 || !unit) return;
    setBusy(true);
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

  const described = (field: string, hint?: boolean) => [hint ? `${id}-${field}-hint` : '', `${id}-${field}-problem`].filter(Boolean).join(' ');
  return (
    <form className="form panel" onSubmit={onSubmit} aria-labelledby="create-user-title" noValidate>
      <h2 id="create-user-title">Tạo tài khoản mới</h2>
      <ProblemSummary problems={problems} />
      <ErrorNotice error={error} />
      <label className="field">
        <span>Tên đăng nhập</span>
        <input
          value={fields.username}
          onChange={set('username')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-invalid={invalid(problems, 'username')}
          aria-describedby={described('username', true)}
        />
        <small id={`${id}-username-hint`} className="hint">
          3–40 ký tự: chữ thường không dấu, số và dấu . _ -
        </small>
        <FieldProblem id={`${id}-username-problem`} problems={problems} field="username" />
      </label>
      <label className="field">
        <span>Họ và tên</span>
        <input value={fields.displayName} onChange={set('displayName')} autoComplete="off" required aria-invalid={invalid(problems, 'displayName')} aria-describedby={described('displayName')} />
        <FieldProblem id={`${id}-displayName-problem`} problems={problems} field="displayName" />
      </label>
      <label className="field">
        <span>Mật khẩu</span>
        <input
          type="password"
          value={fields.password}
          onChange={set('password')}
          autoComplete="new-password"
          required
          aria-invalid={invalid(problems, 'password')}
          aria-describedby={described('password', true)}
        />
        <small id={`${id}-password-hint`} className="hint">
          Ít nhất 8 ký tự.
        </small>
        <FieldProblem id={`${id}-password-problem`} problems={problems} field="password" />
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
      <FieldProblem id={`${id}-unitId-problem`} problems={problems} field="unitId" />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Đang tạo…' : 'Tạo tài khoản'}
      </button>
    </form>
  );
}
