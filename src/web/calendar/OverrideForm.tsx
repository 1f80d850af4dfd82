import { useId, useState, type FormEvent } from 'react';
import { setCalendarOverride, type CalendarDayKind, type CalendarOverride } from '../api/calendar';
import type { Unit } from '../api/types';
import { formatDate, parseViDate } from '../format/date';
import { ErrorNotice } from '../ui/ErrorNotice';
import { UnitPicker } from '../units/UnitPicker';
import { OVERRIDE_KIND_OPTIONS } from './dayKinds';

interface Props {
  province: Unit;
  asOf: string;
  /** A day being corrected (its date, kind, reason and scope fill the form). */
  editing: { override: CalendarOverride; unit: Unit | null } | null;
  onSaved: (saved: CalendarOverride) => void;
  onCancelEdit: () => void;
}

/** Adds a provincial or unit day, or corrects one (same date and scope: the server replaces it). */
export function OverrideForm({ province, asOf, editing, onSaved, onCancelEdit }: Props) {
  const scopeName = useId();
  const [date, setDate] = useState(editing ? formatDate(editing.override.date) : '');
  const [kind, setKind] = useState<CalendarDayKind>(editing?.override.kind ?? 'holiday');
  const [reason, setReason] = useState(editing?.override.reason ?? '');
  const [legalRef, setLegalRef] = useState(editing?.override.legalRef ?? '');
  const [scope, setScope] = useState<'province' | 'unit'>(editing?.unit ? 'unit' : 'province');
  const [unit, setUnit] = useState<Unit | null>(editing?.unit ?? null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const iso = parseViDate(date);
    if (!iso) return setError(new Error('Ngày không hợp lệ. Nhập theo dạng dd/mm/yyyy, ví dụ 19/08/2026.'));
    if (scope === 'unit' && !unit) return setError(new Error('Hãy chọn đơn vị áp dụng.'));
    setBusy(true);
    setError(null);
    try {
      const saved = await setCalendarOverride({
        date: iso,
        kind,
        reason: reason.trim(),
        legalRef: legalRef.trim() || null,
        unitId: scope === 'unit' && unit ? unit.id : province.id,
      });
      setDate('');
      setReason('');
      setLegalRef('');
      onSaved(saved);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel" onSubmit={onSubmit} aria-labelledby="override-form-title">
      <h2 id="override-form-title">{editing ? 'Sửa ngày' : 'Thêm ngày nghỉ, ngày làm việc riêng'}</h2>
      <p className="hint">Ngày riêng của tỉnh áp dụng cho mọi đơn vị trong tỉnh; ngày riêng của một đơn vị được ưu tiên hơn ngày của tỉnh.</p>
      <ErrorNotice error={error} />
      <label className="field">
        <span>Ngày (dd/mm/yyyy)</span>
        <input className="date-input" value={date} onChange={(e) => setDate(e.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric" required />
      </label>
      <label className="field">
        <span>Loại ngày</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as CalendarDayKind)}>
          {OVERRIDE_KIND_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Lý do</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} placeholder="Ví dụ: Kỷ niệm ngày thành lập tỉnh" required />
      </label>
      <label className="field">
        <span>Căn cứ pháp lý</span>
        <input value={legalRef} onChange={(e) => setLegalRef(e.target.value)} maxLength={300} placeholder="Ví dụ: Quyết định 123/QĐ-UBND ngày 01/08/2026" />
      </label>
      <fieldset className="fieldset">
        <legend>Phạm vi áp dụng</legend>
        <label className="radio">
          <input type="radio" name={scopeName} checked={scope === 'province'} onChange={() => setScope('province')} />
          <span>Toàn tỉnh ({province.name})</span>
        </label>
        <label className="radio">
          <input type="radio" name={scopeName} checked={scope === 'unit'} onChange={() => setScope('unit')} />
          <span>Một đơn vị trong tỉnh</span>
        </label>
        {scope === 'unit' && <UnitPicker scope={province} asOf={asOf} value={unit} onChange={setUnit} label="Đơn vị áp dụng" />}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Đang lưu…' : 'Lưu ngày'}
        </button>
        {editing && (
          <button type="button" className="button" onClick={onCancelEdit}>
            Hủy sửa
          </button>
        )}
      </div>
    </form>
  );
}
