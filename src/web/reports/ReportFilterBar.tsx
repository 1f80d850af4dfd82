import { useId } from 'react';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '../../domain/reports/workflow';
import type { TemplateJson } from '../api/reports';
import { orderedKinds, periodOptions, PERIOD_KIND_LABELS, PERIOD_KIND_ORDER } from '../review/periods';

export interface ReportFilters {
  templateId: string;
  periodId: string;
  status: string;
}

interface Props {
  templates: readonly TemplateJson[];
  filters: ReportFilters;
  thisYear: number;
  onChange: (patch: Partial<ReportFilters>) => void;
}

/** Template, period and state of the reports listed (the unit is chosen beside it). */
export function ReportFilterBar({ templates, filters, thisYear, onChange }: Props) {
  const id = useId();
  const template = templates.find((t) => t.id === filters.templateId);
  const kinds = template ? orderedKinds(template.periods) : PERIOD_KIND_ORDER.filter((k) => k !== 'month');
  // Newest first: the period being reported now is near the top.
  const groups = kinds.map((kind) => ({ kind, options: periodOptions(kind, thisYear - 4, thisYear + 1).reverse() }));
  const any = filters.templateId || filters.periodId || filters.status;
  return (
    <div className="filter-bar report-filters" role="search" aria-label="Lọc danh sách báo cáo">
      <div className="field">
        <label htmlFor={`${id}-template`}>Biểu mẫu</label>
        <select id={`${id}-template`} value={filters.templateId} onChange={(e) => onChange({ templateId: e.target.value })}>
          <option value="">Tất cả biểu mẫu</option>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title} ({t.issuer})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-period`}>Kỳ báo cáo</label>
        <select id={`${id}-period`} value={filters.periodId} onChange={(e) => onChange({ periodId: e.target.value })}>
          <option value="">Tất cả các kỳ</option>
          {groups.map((g) => (
            <optgroup key={g.kind} label={PERIOD_KIND_LABELS[g.kind]}>
              {g.options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Trạng thái</label>
        <select id={`${id}-status`} value={filters.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">Tất cả trạng thái</option>
          {REPORT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {REPORT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {any && (
        <button type="button" className="button button-small button-quiet filter-clear" onClick={() => onChange({ templateId: '', periodId: '', status: '' })}>
          Bỏ lọc
        </button>
      )}
    </div>
  );
}
