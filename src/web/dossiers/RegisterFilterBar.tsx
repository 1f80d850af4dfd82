import { useEffect, useState } from 'react';
import type { Procedure } from '../api/dossiers';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { DateInput } from '../ui/DateInput';
import { CHANNEL_OPTIONS, STATE_OPTIONS } from './labels';
import { ProcedureOptions } from './ProcedureOptions';
import type { RegisterFilters } from './useRegisterFilters';

interface Props {
  filters: RegisterFilters;
  /** The fields of the unit's dossiers (from the register's answer). */
  fields: string[];
  procedures: Procedure[];
  onChange: (patch: Partial<RegisterFilters>) => void;
}

/** Filters of the register; every change applies at once (the dossier code after a short pause). */
export function RegisterFilterBar({ filters, fields, procedures, onChange }: Props) {
  const [code, setCode] = useState(filters.code);
  const debouncedCode = useDebouncedValue(code.trim(), 400);
  useEffect(() => {
    if (debouncedCode !== filters.code) onChange({ code: debouncedCode });
    // Only the typed code drives this; the filters' own changes must not re-apply an old draft.
  }, [debouncedCode]);
  useEffect(() => {
    if (filters.code === '') setCode((current) => (current.trim() === '' ? current : ''));
  }, [filters.code]);

  const shownProcedures = filters.field ? procedures.filter((p) => p.field === filters.field) : procedures;
  const anyFilter =
    filters.field || filters.procedureId || filters.channel || filters.state || filters.overdueOnly || filters.receivedFrom || filters.receivedTo || filters.code;

  return (
    <form className="filter-bar panel" role="search" aria-label="Lọc hồ sơ" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>Lĩnh vực</span>
        <select value={filters.field} onChange={(e) => onChange({ field: e.target.value, procedureId: null })}>
          <option value="">Tất cả lĩnh vực</option>
          {fields.map((field) => (
            <option key={field} value={field}>
              {field}
            </option>
          ))}
          {filters.field && !fields.includes(filters.field) && <option value={filters.field}>{filters.field}</option>}
        </select>
      </label>
      <label className="field field-wide">
        <span>Thủ tục</span>
        <select value={filters.procedureId ?? ''} onChange={(e) => onChange({ procedureId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">Tất cả thủ tục</option>
          <ProcedureOptions procedures={shownProcedures} />
        </select>
      </label>
      <label className="field">
        <span>Kênh tiếp nhận</span>
        <select value={filters.channel} onChange={(e) => onChange({ channel: e.target.value as RegisterFilters['channel'] })}>
          <option value="">Tất cả các kênh</option>
          {CHANNEL_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Trạng thái</span>
        <select value={filters.state} onChange={(e) => onChange({ state: e.target.value as RegisterFilters['state'] })}>
          <option value="">Tất cả trạng thái</option>
          {STATE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <DateInput label="Tiếp nhận từ ngày" value={filters.receivedFrom} onChange={(receivedFrom) => onChange({ receivedFrom })} />
      <DateInput label="Đến ngày" value={filters.receivedTo} onChange={(receivedTo) => onChange({ receivedTo })} />
      <label className="field">
        <span>Mã hồ sơ</span>
        <input type="search" value={code} onChange={(e) => setCode(e.target.value)} placeholder="Một phần của mã" autoComplete="off" spellCheck={false} />
      </label>
      <label className="checkbox filter-check">
        <input type="checkbox" checked={filters.overdueOnly} onChange={(e) => onChange({ overdueOnly: e.target.checked })} />
        <span>Chỉ hồ sơ quá hạn</span>
      </label>
      {anyFilter && (
        <button
          type="button"
          className="button button-quiet filter-clear"
          onClick={() =>
            onChange({ field: '', procedureId: null, channel: '', state: '', overdueOnly: false, receivedFrom: '', receivedTo: '', code: '' })
          }
        >
          Xóa bộ lọc
        </button>
      )}
    </form>
  );
}
