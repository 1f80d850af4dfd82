import type { AccountField, AccountProblem } from '../../domain/auth/account-rules';

/** The message of a field's problems, shown under its input (linked by aria-describedby). */
export function FieldProblem({ id, problems, field }: { id: string; problems: readonly AccountProblem[]; field: AccountField }) {
  const mine = problems.filter((p) => p.field === field);
  if (mine.length === 0) return null;
  return (
    <small id={id} className="field-error">
      {mine.map((p) => p.message).join(' ')}
    </small>
  );
}

/** Every problem at once, above the form: "Chưa lưu được: 3 chỗ cần sửa." with the list. */
export function ProblemSummary({ problems }: { problems: readonly AccountProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>Chưa lưu được: {problems.length} chỗ cần sửa.</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p.message}</li>
        ))}
      </ul>
    </div>
  );
}

export const invalid = (problems: readonly AccountProblem[], field: AccountField) => problems.some((p) => p.field === field) || undefined;
