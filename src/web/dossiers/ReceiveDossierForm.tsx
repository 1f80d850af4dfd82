import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Channel } from '../../domain/dossiers/dossier';
import { receiveDossier, type Procedure } from '../api/dossiers';
import type { Unit } from '../api/types';
import { nowForInput, parseViDateTime } from '../format/dateTime';
import { ErrorNotice } from '../ui/ErrorNotice';
import { CHANNEL_OPTIONS } from './labels';
import { ProcedureOptions } from './ProcedureOptions';

interface Props {
  unit: Unit;
  procedures: Procedure[];
  onCancel: () => void;
}

/** Records a dossier handed in at the one-stop desk; the server computes its appointment date. */
export function ReceiveDossierForm({ unit, procedures, onCancel }: Props) {
  const navigate = useNavigate();
  const [procedureId, setProcedureId] = useState('');
  const [channel, setChannel] = useState<Channel>('direct');
  const [receivedAt, setReceivedAt] = useState(() => nowForInput());
  const [digitizedInput, setDigitizedInput] = useState(false);
  const [hasFee, setHasFee] = useState(false);
  const [paidOnline, setPaidOnline] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const procedure = procedures.find((p) => String(p.id) === procedureId);

  const chooseProcedure = (id: string) => {
    setProcedureId(id);
    const chosen = procedures.find((p) => String(p.id) === id);
    setHasFee(chosen?.hasFee ?? false);
    if (!chosen?.hasFee) setPaidOnline(false);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!procedure) return setError(new Error('Hãy chọn thủ tục hành chính.'));
    const at = parseViDateTime(receivedAt);
    if (!at) return setError(new Error('Thời điểm tiếp nhận không hợp lệ. Nhập theo dạng dd/mm/yyyy HH:mm, ví dụ 05/03/2026 10:00.'));
    setBusy(true);
    setError(null);
    try {
      const created = await receiveDossier({
        unitId: unit.id,
        procedureId: procedure.id,
        channel,
        receivedAt: at,
        digitizedInput,
        hasFee,
        paidOnline: hasFee && paidOnline,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      navigate(`/ho-so/${created.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      setBusy(false);
    }
  };

  return (
    <form className="form panel receive-form" onSubmit={onSubmit} aria-labelledby="receive-title">
      <h2 id="receive-title">Tiếp nhận hồ sơ tại {unit.name}</h2>
      <ErrorNotice error={error} />
      <label className="field">
        <span>Thủ tục hành chính</span>
        <select value={procedureId} onChange={(e) => chooseProcedure(e.target.value)} required>
          <option value="">— Chọn thủ tục —</option>
          <ProcedureOptions procedures={procedures} />
        </select>
        {procedure && (
          <small className="hint">
            Thời hạn giải quyết: {procedure.statutoryDays === 0 ? 'trong ngày' : `${procedure.statutoryDays} ngày làm việc`} · Mức độ:{' '}
            {procedure.onlineModeLabel}
          </small>
        )}
      </label>
      <div className="form-row">
        <label className="field">
          <span>Kênh tiếp nhận</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNEL_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Thời điểm tiếp nhận</span>
          <input value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} placeholder="dd/mm/yyyy HH:mm" required />
        </label>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={digitizedInput} onChange={(e) => setDigitizedInput(e.target.checked)} />
        <span>Đã số hóa hồ sơ đầu vào</span>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={hasFee}
          onChange={(e) => {
            setHasFee(e.target.checked);
            if (!e.target.checked) setPaidOnline(false);
          }}
        />
        <span>Có phí, lệ phí</span>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={paidOnline} disabled={!hasFee} onChange={(e) => setPaidOnline(e.target.checked)} />
        <span>Đã thanh toán trực tuyến</span>
      </label>
      <label className="field">
        <span>Ghi chú</span>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} rows={2} />
      </label>
      <p className="hint">Ngày hẹn trả được tính theo thời hạn giải quyết và lịch làm việc của đơn vị.</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu và mở hồ sơ'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Đóng
        </button>
      </div>
    </form>
  );
}
