import { useId, useState, type FormEvent } from 'react';
import { ownPasswordProblems, type AccountProblem } from '../../domain/auth/account-rules';
import { changeOwnPassword } from '../api/users';
import { useCurrentUser } from '../auth/SessionContext';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FieldProblem, invalid, ProblemSummary } from '../ui/FormProblems';
import { Notice } from '../ui/Notice';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Every user changes their own password, proving the current one. */
export function ChangePasswordPage() {
  useDocumentTitle('Đổi mật khẩu');
  const user = useCurrentUser();
  const id = useId();
  const [fields, setFields] = useState(EMPTY);
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    const found = ownPasswordProblems(fields);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await changeOwnPassword({ currentPassword: fields.currentPassword, newPassword: fields.newPassword });
      setFields(EMPTY);
      setDone(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  const input = (name: keyof typeof EMPTY, label: string, autoComplete: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}-input`}>{label}</label>
      <input
        id={`${id}-${name}-input`}
        type="password"
        value={fields[name]}
        onChange={set(name)}
        autoComplete={autoComplete}
        aria-invalid={invalid(problems, name)}
        aria-describedby={`${id}-${name}-hint ${id}-${name}`}
      />
      {hint && (
        <small id={`${id}-${name}-hint`} className="hint">
          {hint}
        </small>
      )}
      <FieldProblem id={`${id}-${name}`} problems={problems} field={name} />
    </div>
  );

  return (
    <section className="page password-page">
      <h1>Đổi mật khẩu</h1>
      <p className="lead">
        Tài khoản <strong>{user.username}</strong> ({user.displayName}). Sau khi đổi, các phiên đăng nhập khác của tài khoản (máy khác, trình duyệt khác) kết thúc.
      </p>
      <form className="form panel password-form" onSubmit={onSubmit} aria-label="Đổi mật khẩu" noValidate>
        <ProblemSummary problems={problems} />
        <ErrorNotice error={error} />
        {done && <Notice kind="success">Đã đổi mật khẩu. Lần đăng nhập sau dùng mật khẩu mới.</Notice>}
        {input('currentPassword', 'Mật khẩu hiện tại', 'current-password')}
        {input('newPassword', 'Mật khẩu mới', 'new-password', 'Ít nhất 8 ký tự, khác mật khẩu hiện tại.')}
        {input('confirmPassword', 'Nhập lại mật khẩu mới', 'new-password')}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Đang đổi…' : 'Đổi mật khẩu'}
        </button>
      </form>
    </section>
  );
}
