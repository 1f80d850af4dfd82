import { useId, useState } from 'react';
import type { ReportAction, TransitionAction } from '../../domain/reports/workflow';
import { getSubmissionCheck, transitionReport, type Report, type SubmissionChecklist } from '../api/reports';
import { formatDate } from '../format/date';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';
import { blockingItems, SubmissionChecklistView } from './SubmissionChecklistView';

const NEEDS_REASON: ReadonlySet<TransitionAction> = new Set(['return', 'reopen']);

const DONE: Record<TransitionAction, string> = {
  submit: 'Đã gửi báo cáo lên cấp trên.',
  resubmit: 'Đã gửi lại báo cáo.',
  return: 'Đã trả lại báo cáo cho đơn vị kèm lý do.',
  approve: 'Đã duyệt báo cáo.',
  reopen: 'Đã mở lại báo cáo để đính chính; bản đã duyệt vẫn được dùng để tổng hợp cho đến khi duyệt lại.',
};

interface Props {
  report: Report;
  /** Unsaved edits block a submission: what is sent must be what is stored. */
  unsaved: number;
  onDone(next: Report): void;
}

/**
 * The workflow buttons the server allows this person, with a reason box where one is required. Gửi
 * first shows the checklist of the stored report (what still stops it, or that it is complete) and,
 * before the data window has ended, asks why the unit sends early.
 */
export function ReportWorkflowBar({ report, unsaved, onDone }: Props) {
  const transitions = report.actions.filter((a): a is { action: TransitionAction; label: string } => a.action !== 'edit');
  const [chosen, setChosen] = useState<TransitionAction | null>(null);
  const [comment, setComment] = useState('');
  const [earlyReason, setEarlyReason] = useState('');
  const [checklist, setChecklist] = useState<SubmissionChecklist | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const commentId = useId();
  const earlyId = useId();
  if (transitions.length === 0 && !message) return null;

  const choose = async (action: TransitionAction) => {
    setMessage(null);
    setError(null);
    setChecklist(null);
    setChosen(action);
    if (action !== 'submit' && action !== 'resubmit') return;
    try {
      setChecklist(await getSubmissionCheck(report.id));
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    }
  };

  const run = async (action: TransitionAction) => {
    setBusy(true);
    setError(null);
    try {
      const early = (action === 'submit' || action === 'resubmit') && checklist?.early ? earlyReason.trim() || null : null;
      const next = await transitionReport(report.id, { action, comment: comment.trim() || null, expectedRevision: report.revision, earlyReason: early });
      setMessage(DONE[action]);
      setChosen(null);
      setComment('');
      setEarlyReason('');
      setChecklist(null);
      onDone(next);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  const label = (action: ReportAction) => transitions.find((t) => t.action === action)?.label ?? action;
  const submitting = chosen === 'submit' || chosen === 'resubmit';
  // A submission waits for its checklist, and goes only when nothing stops it (an early one with its reason).
  const blocked = submitting && (checklist === null || blockingItems(checklist).length > 0 || (checklist.early && earlyReason.trim() === ''));

  return (
    <section className="workflow-bar" aria-label="Gửi và duyệt báo cáo">
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={error} />
      {chosen === null ? (
        <div className="button-row">
          {transitions.map((t) => (
            <button
              key={t.action}
              type="button"
              className={t.action === 'approve' || t.action === 'submit' || t.action === 'resubmit' ? 'button button-primary' : 'button'}
              onClick={() => void choose(t.action)}
            >
              {t.label}
            </button>
          ))}
        </div>
      ) : (
        <form
          className="workflow-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(chosen);
          }}
        >
          {submitting && unsaved > 0 && <Notice kind="warning">Còn {unsaved} thay đổi chưa lưu: hãy lưu trước khi gửi.</Notice>}
          {submitting && !checklist && !error && <LoadingNotice />}
          {submitting && checklist && <SubmissionChecklistView checklist={checklist} />}
          {submitting && checklist?.early && (
            <>
              <label htmlFor={earlyId}>Lý do gửi trước khi hết kỳ lấy số liệu (bắt buộc)</label>
              <textarea id={earlyId} rows={2} value={earlyReason} onChange={(e) => setEarlyReason(e.target.value)} required maxLength={4000} />
              <small className="hint">
                Số liệu của kỳ tính đến hết ngày {formatDate(checklist.windowTo)}; hồ sơ phát sinh sau khi gửi sẽ không có trong báo cáo. Lý do được ghi vào quá trình gửi
                và duyệt.
              </small>
            </>
          )}
          <label htmlFor={commentId}>
            {NEEDS_REASON.has(chosen) ? (chosen === 'return' ? 'Lý do trả lại (bắt buộc)' : 'Lý do đính chính (bắt buộc)') : 'Ghi chú (không bắt buộc)'}
          </label>
          <textarea id={commentId} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} required={NEEDS_REASON.has(chosen)} maxLength={4000} />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy || (submitting && (unsaved > 0 || blocked)) || (NEEDS_REASON.has(chosen) && !comment.trim())}>
              {busy ? 'Đang xử lý…' : `Xác nhận: ${label(chosen)}`}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setChosen(null);
                setChecklist(null);
              }}
            >
              Hủy
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
