import { useMemo, useState } from 'react';
import { deleteCalendarOverride, listCalendarOverrides, type CalendarOverride } from '../api/calendar';
import type { Unit } from '../api/types';
import { getUnitSubtree } from '../api/units';
import { formatDate } from '../format/date';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';
import { OverrideForm } from './OverrideForm';
import { OverridesTable } from './OverridesTable';

interface Props {
  year: number;
  province: Unit;
  asOf: string;
  /** Called after every change, so the calendar above shows it. */
  onChanged: () => void;
}

/** The admin's part of the calendar page: the province's own days, added, corrected, removed. */
export function CalendarAdmin({ year, province, asOf, onChanged }: Props) {
  const overrides = useApiQuery((signal) => listCalendarOverrides(year, signal), [year]);
  const units = useApiQuery(async () => getUnitSubtree(province.id, asOf), [province.id, asOf]);
  const unitsByCode = useMemo(() => new Map((units.data ?? []).map((u) => [u.code, u])), [units.data]);
  const [editing, setEditing] = useState<CalendarOverride | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const changed = (text: string) => {
    setMessage(text);
    setError(null);
    overrides.reload();
    onChanged();
  };

  const onDelete = async (target: CalendarOverride) => {
    setBusyId(target.id);
    setMessage(null);
    try {
      await deleteCalendarOverride(target.id);
      if (editing?.id === target.id) setEditing(null);
      changed(`Đã xóa ngày ${formatDate(target.date)}.`);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusyId(null);
    }
  };

  const editingUnit = editing?.unitCode ? (unitsByCode.get(editing.unitCode) ?? null) : null;
  return (
    <section className="calendar-admin" aria-labelledby="calendar-admin-title">
      <h2 id="calendar-admin-title">Ngày riêng của tỉnh (quản trị viên)</h2>
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={error} />
      <div className="calendar-admin-layout">
        <div className="panel">
          <h3>Các ngày đã khai báo năm {year}</h3>
          <ErrorNotice error={overrides.error ?? units.error} />
          {overrides.loading && !overrides.data && <LoadingNotice />}
          {overrides.data && (
            <OverridesTable
              year={year}
              overrides={overrides.data}
              province={province}
              unitsByCode={unitsByCode}
              busyId={busyId}
              onEdit={(o) => {
                setMessage(null);
                setEditing(o);
              }}
              onDelete={onDelete}
            />
          )}
        </div>
        <OverrideForm
          key={editing ? `edit-${editing.id}-${editingUnit?.id ?? ''}` : 'new'}
          province={province}
          asOf={asOf}
          editing={editing ? { override: editing, unit: editingUnit } : null}
          onSaved={(saved) => {
            setEditing(null);
            changed(`Đã lưu ngày ${formatDate(saved.date)}.`);
          }}
          onCancelEdit={() => setEditing(null)}
        />
      </div>
    </section>
  );
}
