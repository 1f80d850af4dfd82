import { useState, type FormEvent } from 'react';
import type { Rating } from '../../domain/dossiers/dossier';
import type { DossierEventKind } from '../../domain/dossiers/events';
import { recordDossierStep } from '../api/dossiers';
import { parseViDateTime } from '../format/dateTime';
import { ErrorNotice } from '../ui/ErrorNotice';
import { RATING_OPTIONS } from './labels';

interface Props {
  dossierId: number;
  step: { kind: DossierEventKind; label: string };
  onDone: () => void;
  onCancel: () => void;
}

/** Records one step of a desk dossier: an optional time (now when empty) and note, and what the step needs. */
export function StepForm({ dossierId, step, onDone, onCancel }: Props) {
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const [digitizedOutput, setDigitizedOutput] = useState(false);
  const [rating, setRating] = useState<Rating | ''>('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const time = at.trim() ? parseViDateTime(at) : undefined;
    if (time === null) return setError(new Error('Thời điểm không hợp lệ. Nhập theo dạng dd/mm/yyyy HH:mm hoặc để trống.'));
    setBusy(true);
    setError(null);
    try {
      await recordDossierStep(dossierId, {
        kind: step.kind,
        ...(time ? { at: time } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(step.kind === 'resolved' ? { digitizedOutput } : {}),
        ...(step.kind === 'delivered' && rating ? { rating } : {}),
      });
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      setBusy(false);
    }
  };

  return (
    <form className="form panel step-form" onSubmit={onSubmit} aria-label={step.label}>
      <h3>{step.label}</h3>
      <ErrorNotice error={error} />
      <label className="field">
        <span>Thời điểm</span>
        <input value={at} onChange={(e) => setAt(e.target.value)} placeholder="dd/mm/yyyy HH:mm — để trống: bây giờ" />
      </label>
      {step.kind === 'resolved' && (
        <label className="checkbox">
          <input type="checkbox" checked={digitizedOutput} onChange={(e) => setDigitizedOutput(e.target.checked)} />
          <span>Số hóa kết quả?</span>
        </label>
      )}
      {step.kind === 'delivered' && (
        <label className="field">
          <span>Đánh giá của công dân</span>
          <select value={rating} onChange={(e) => setRating(e.target.value as Rating | '')}>
            <option value="">Chưa đánh giá</option>
            {RATING_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Ghi chú</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={1000} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Đang ghi…' : 'Ghi nhận'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}
