import { useId, useState, type FormEvent } from 'react';
import { approveMany, type CompletenessMatrix } from '../api/review';
import { ErrorNotice } from '../ui/ErrorNotice';
import { outcomeLines, type OutcomeLine } from './completeness';

interface Props {
  matrix: CompletenessMatrix;
  /** Reports waiting for review among the units shown. */
  approvable: number[];
  selected: ReadonlySet<number>;
  onSelect: (ids: number[]) => void;
  /** After the server answered: the matrix is read again. */
  onApproved: () => void;
}

/** Approves the chosen reports in one call; each report succeeds or fails on its own, and says so. */
export function BulkApprove({ matrix, approvable, selected, onSelect, onApproved }: Props) {
  const id = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [outcomes, setOutcomes] = useState<OutcomeLine[] | null>(null);
  const count = selected.size;
  const allChosen = approvable.length > 0 && approvable.every((r) => selected.has(r));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (count === 0) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await approveMany([...selected], comment.trim() || null);
      setOutcomes(outcomeLines(answer, matrix));
      setComment('');
      onSelect([]);
      onApproved();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="bulk-approve" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="visually-hidden">
        Duyệt nhiều báo cáo
      </h3>
      <div className="bulk-row">
        <span role="status" className="bulk-count">
          {approvable.length === 0 ? 'Không có báo cáo nào chờ duyệt.' : `Đã chọn ${count}/${approvable.length} báo cáo chờ duyệt.`}
        </span>
        {approvable.length > 0 && (
          <button type="button" className="button button-quiet button-small" onClick={() => onSelect(allChosen ? [] : approvable)}>
            {allChosen ? 'Bỏ chọn tất cả' : 'Chọn tất cả báo cáo chờ duyệt'}
          </button>
        )}
        <label className="field field-inline bulk-comment">
          <span>Ý kiến khi duyệt</span>
          <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} placeholder="Không bắt buộc" />
        </label>
        <button type="submit" className="button button-primary" disabled={busy || count === 0}>
          {busy ? 'Đang duyệt…' : 'Duyệt các báo cáo đã chọn'}
        </button>
      </div>
      <ErrorNotice error={error} />
      {outcomes && (
        <div className="bulk-outcomes" role="status">
          <p>
            Kết quả duyệt: {outcomes.filter((o) => o.ok).length}/{outcomes.length} báo cáo đã duyệt.
          </p>
          <ul aria-label="Kết quả duyệt từng báo cáo">
            {outcomes.map((o) => (
              <li key={o.reportId} className={o.ok ? 'outcome-ok' : 'outcome-failed'}>
                <strong>{o.ok ? 'Đã duyệt' : 'Không duyệt được'}</strong>
                {o.unitName ? ` — ${o.unitName}, ${o.periodLabel}` : ''}: {o.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
