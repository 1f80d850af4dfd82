import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { approveMany, previewApproveMany, type ApprovePreviewItem, type CompletenessMatrix } from '../api/review';
import { formatNumber } from '../format/number';
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

/**
 * Approves the chosen reports in one call, after a confirmation that says how many; a report that
 * needs a look of its own (sent before its data window ended, figures corrected by hand, required
 * rows marked "không phát sinh") is listed with why, and approved only if ticked on its own.
 * Each report succeeds or fails on its own, and says so.
 */
export function BulkApprove({ matrix, approvable, selected, onSelect, onApproved }: Props) {
  const id = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [outcomes, setOutcomes] = useState<OutcomeLine[] | null>(null);
  const [preview, setPreview] = useState<ApprovePreviewItem[] | null>(null);
  const [confirmedFlagged, setConfirmedFlagged] = useState<ReadonlySet<number>>(new Set());
  const count = selected.size;
  const allChosen = approvable.length > 0 && approvable.every((r) => selected.has(r));
  const periodLabel = new Map(matrix.periods.map((p) => [p.periodId, p.label]));
  const flagged = preview?.filter((p) => p.reasons.length > 0) ?? [];
  const toApprove = preview ? preview.length - flagged.filter((p) => !confirmedFlagged.has(p.reportId)).length : 0;

  const fail = (failure: unknown) => setError(failure instanceof Error ? failure : new Error(String(failure)));

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    if (count === 0) return;
    setBusy(true);
    setError(null);
    setOutcomes(null);
    try {
      setPreview(await previewApproveMany([...selected]));
      setConfirmedFlagged(new Set());
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const approve = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const ids = preview.map((p) => p.reportId);
      const answer = await approveMany(ids, { comment: comment.trim() || null, confirmedCount: ids.length, confirmedFlagged: [...confirmedFlagged] });
      setOutcomes(outcomeLines(answer, matrix));
      setPreview(null);
      setComment('');
      onSelect([]);
      onApproved();
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (reportId: number, on: boolean) =>
    setConfirmedFlagged((current) => {
      const next = new Set(current);
      if (on) next.add(reportId);
      else next.delete(reportId);
      return next;
    });

  return (
    <form className="bulk-approve" onSubmit={ask} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="visually-hidden">
        Duyệt nhiều báo cáo
      </h3>
      <div className="bulk-row">
        <span role="status" className="bulk-count">
          {approvable.length === 0 ? 'Không có báo cáo nào chờ duyệt.' : `Đã chọn ${count}/${approvable.length} báo cáo chờ duyệt.`}
        </span>
        {approvable.length > 0 && (
          <button type="button" className="button button-quiet button-small" disabled={preview !== null} onClick={() => onSelect(allChosen ? [] : approvable)}>
            {allChosen ? 'Bỏ chọn tất cả' : 'Chọn tất cả báo cáo chờ duyệt'}
          </button>
        )}
        <label className="field field-inline bulk-comment">
          <span>Ý kiến khi duyệt</span>
          <input value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} placeholder="Không bắt buộc" />
        </label>
        <button type="submit" className="button button-primary" disabled={busy || count === 0 || preview !== null}>
          {busy && !preview ? 'Đang kiểm tra…' : 'Duyệt các báo cáo đã chọn'}
        </button>
      </div>
      {preview && (
        <section className="bulk-confirm" role="group" aria-label="Xác nhận duyệt nhiều báo cáo">
          <p>
            <strong>Duyệt {formatNumber(preview.length)} báo cáo đã chọn?</strong> Báo cáo đã duyệt chỉ sửa được sau khi mở lại để đính chính.
          </p>
          {flagged.length > 0 && (
            <>
              <p>
                {formatNumber(flagged.length)} báo cáo cần xem riêng. Mở báo cáo để xem, hoặc đánh dấu từng báo cáo bạn vẫn duyệt; báo cáo không
                đánh dấu được giữ ở trạng thái chờ duyệt.
              </p>
              <ul className="bulk-flagged" aria-label="Báo cáo cần xem riêng">
                {flagged.map((p) => (
                  <li key={p.reportId}>
                    <Link to={`/bao-cao/${p.reportId}`}>
                      {p.unitName}, {periodLabel.get(p.periodId) ?? p.periodId}
                    </Link>
                    : {p.reasons.join('; ')}.
                    <label className="field-inline">
                      <input type="checkbox" checked={confirmedFlagged.has(p.reportId)} onChange={(e) => toggle(p.reportId, e.target.checked)} />{' '}
                      Vẫn duyệt báo cáo của {p.unitName}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={busy || toApprove === 0} onClick={() => void approve()}>
              {busy ? 'Đang duyệt…' : `Xác nhận duyệt ${formatNumber(toApprove)} báo cáo`}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setPreview(null)}>
              Hủy
            </button>
          </div>
        </section>
      )}
      <ErrorNotice error={error} />
      {outcomes && (
        <div className="bulk-outcomes" role="status">
          <p>
            Kết quả duyệt: {outcomes.filter((o) => o.ok).length}/{outcomes.length} báo cáo đã duyệt.
          </p>
          <ul aria-label="Kết quả duyệt từng báo cáo">
            {outcomes.map((o) => (
              <li key={o.reportId} className={o.ok ? 'outcome-ok' : 'outcome-failed'}>
                <strong>{o.ok ? 'Đã duyệt' : o.needsReview ? 'Chờ xem riêng' : 'Không duyệt được'}</strong>
                {o.unitName ? ` — ${o.unitName}, ${o.periodLabel}` : ''}: {o.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
