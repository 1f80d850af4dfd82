import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { computeReport, listReports, type TemplateJson } from '../api/reports';
import { useApiQuery } from '../hooks/useApiQuery';
import type { Unit } from '../api/types';
import { formatDate } from '../format/date';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { levelLabel } from '../units/levelLabel';
import { cutoffLabel, defaultPeriod, periodChoices, periodIdOf, periodTitle, periodWindow } from './periods';

interface Props {
  unit: Unit;
  /** Every template; those not made for the unit's level are left out. */
  templates: TemplateJson[];
  today: string;
}

/** Chooses a template and a period and asks the server to compute the report from the dossiers. */
export function CreateReportForm({ unit, templates, today }: Props) {
  const id = useId();
  const navigate = useNavigate();
  const usable = useMemo(() => templates.filter((t) => t.levels.includes(unit.level)), [templates, unit.level]);
  const [templateId, setTemplateId] = useState(usable.length === 1 ? usable[0]!.id : '');
  const template = usable.find((t) => t.id === templateId) ?? null;
  const initial = useMemo(() => defaultPeriod(['quarter'], today, 'nd09'), [today]);
  const [year, setYear] = useState(initial.year);
  const [key, setKey] = useState(initial.key);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const choices = template ? periodChoices(template.periods) : [];
  const chosenKey = choices.some((c) => c.key === key) ? key : (choices[0]?.key ?? '');
  const periodId = template && chosenKey ? periodIdOf(year, chosenKey) : null;
  const dataWindow = template && periodId ? periodWindow(periodId, template.cutoff) : null;
  // Whether the chosen report exists already (the list on the page shows one page only).
  const found = useApiQuery(
    template && periodId ? (signal) => listReports({ unitId: unit.id, templateId: template.id, periodId, pageSize: 5 }, signal) : null,
    [unit.id, template?.id, periodId],
  );
  const existing = found.data?.reports.find((r) => r.unitId === unit.id && r.templateId === templateId && r.periodId === periodId);
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 5 }, (_, i) => thisYear - 3 + i);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!template || !periodId) return setError(new Error('Hãy chọn biểu mẫu và kỳ báo cáo.'));
    setBusy(true);
    setError(null);
    try {
      const report = await computeReport({ unitId: unit.id, templateId: template.id, periodId });
      navigate(`/bao-cao/${report.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      setBusy(false);
    }
  };

  if (usable.length === 0) {
    return (
      <Notice kind="info">
        Chưa có biểu mẫu báo cáo nào dành cho {levelLabel(unit).toLocaleLowerCase('vi')} ({unit.name}). Hãy chọn một đơn vị cấp xã.
      </Notice>
    );
  }

  return (
    <form className="form panel create-report" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Lập báo cáo mới cho {unit.name}</h2>
      <ErrorNotice error={error} />
      <div className="field">
        <label htmlFor={`${id}-template`}>Biểu mẫu</label>
        <select id={`${id}-template`} value={templateId} onChange={(e) => setTemplateId(e.target.value)} required>
          <option value="">— Chọn biểu mẫu —</option>
          {usable.map((t) => (
            <option key={t.id} value={t.id}>
              {t.issuer} — {t.title}
            </option>
          ))}
        </select>
        {template && (
          <small className="hint">
            {template.title} · phiên bản {template.version}
            {template.source_document ? ` · ${template.source_document}` : ''}
          </small>
        )}
      </div>
      <div className="form-row period-row">
        <div className="field">
          <label htmlFor={`${id}-year`}>Năm</label>
          <select id={`${id}-year`} value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-period`}>Kỳ báo cáo</label>
          <select id={`${id}-period`} value={chosenKey} onChange={(e) => setKey(e.target.value)} disabled={!template}>
            {!template && <option value="">— Chọn biểu mẫu trước —</option>}
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {template && periodId && dataWindow && (
        <p className="period-window" role="status">
          {periodTitle(periodId)}: số liệu từ {formatDate(dataWindow.from)} đến {formatDate(dataWindow.to)}
          <span className="hint"> ({cutoffLabel(template.cutoff)})</span>
        </p>
      )}
      {existing && (
        <Notice kind="info">
          Đã có báo cáo này (phiên bản {existing.revision}): “Lập báo cáo” sẽ tính lại số liệu từ hồ sơ và giữ nguyên các số đã nhập.{' '}
          <Link to={`/bao-cao/${existing.id}`}>Mở báo cáo</Link>
        </Notice>
      )}
      <p className="hint">Các chỉ tiêu về hồ sơ thủ tục hành chính được tính tự động từ hồ sơ của đơn vị; các chỉ tiêu khác do cán bộ nhập.</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !template}>
          {busy ? 'Đang tính số liệu…' : 'Lập báo cáo'}
        </button>
      </div>
    </form>
  );
}
