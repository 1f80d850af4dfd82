import { useId, useState, type FormEvent } from 'react';
import type { TemplateJson } from '../api/reports';
import { setObligation, type Obligation, type ObligationPeriodKind } from '../api/review';
import type { Unit } from '../api/types';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { orderedKinds, PERIOD_KIND_LABELS } from './periods';

const DEFAULT_DEADLINE_DAYS = 5;

interface Props {
  unit: Unit;
  template: TemplateJson;
  /** The unit's own obligation for the template, if it set one. */
  own: Obligation | undefined;
  /** The obligation in force when the unit has none of its own (set above it). */
  inherited: Obligation | undefined;
  onSaved: () => void;
}

/**
 * Which periods the units below must report on the template, and how many days after the
 * cut-off the report is due. Keyed by unit and template by its parent, so it starts afresh.
 */
export function ObligationForm({ unit, template, own, inherited, onSaved }: Props) {
  const id = useId();
  const kinds = orderedKinds(template.periods);
  const start = own ?? inherited;
  const [chosen, setChosen] = useState<ObligationPeriodKind[]>(start ? orderedKinds(start.periodKinds) : kinds);
  const [days, setDays] = useState(String(start?.deadlineDays ?? template.deadline_days ?? DEFAULT_DEADLINE_DAYS));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<Obligation | null>(null);
  const dayCount = Number(days);
  const daysValid = days.trim() !== '' && Number.isInteger(dayCount) && dayCount >= 0 && dayCount <= 60;

  const toggle = (kind: ObligationPeriodKind, on: boolean) => setChosen((list) => orderedKinds(on ? [...list, kind] : list.filter((k) => k !== kind)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0 || !daysValid) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      setSaved(await setObligation({ unitId: unit.id, templateId: template.id, periodKinds: chosen, deadlineDays: dayCount }));
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel obligation-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Nghĩa vụ báo cáo</h2>
      <p className="hint">
        {own
          ? `${unit.name} đang giao biểu mẫu này cho các đơn vị trực thuộc.`
          : inherited
            ? `Đang áp dụng nghĩa vụ do ${inherited.unit.name} giao. Lưu ở đây để ${unit.name} giao riêng cho các đơn vị trực thuộc.`
            : `Chưa giao: đang dùng kỳ và hạn gửi mặc định của biểu mẫu.`}
      </p>
      <fieldset className="fieldset">
        <legend>Các kỳ phải báo cáo</legend>
        {kinds.map((k) => (
          <label key={k} className="checkbox">
            <input type="checkbox" checked={chosen.includes(k)} onChange={(e) => toggle(k, e.target.checked)} />
            {PERIOD_KIND_LABELS[k]}
          </label>
        ))}
        {chosen.length === 0 && <small className="field-error">Cần chọn ít nhất một loại kỳ.</small>}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-days`}>Hạn gửi (số ngày sau ngày chốt số liệu)</label>
        <input id={`${id}-days`} type="number" min={0} max={60} step={1} value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={!daysValid || undefined} />
        {!daysValid && <small className="field-error">Nhập số ngày nguyên từ 0 đến 60.</small>}
      </div>
      <ErrorNotice error={error} />
      {saved && (
        <Notice kind="success">
          Đã lưu: {saved.unit.name} giao báo cáo {orderedKinds(saved.periodKinds).map((k) => PERIOD_KIND_LABELS[k].toLocaleLowerCase('vi')).join(', ')}, hạn gửi {saved.deadlineDays} ngày sau ngày chốt số liệu.
        </Notice>
      )}
      <button type="submit" className="button button-primary" disabled={busy || chosen.length === 0 || !daysValid}>
        {busy ? 'Đang lưu…' : 'Lưu nghĩa vụ báo cáo'}
      </button>
    </form>
  );
}
