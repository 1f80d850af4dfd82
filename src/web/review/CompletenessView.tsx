import { useId, useMemo, useState } from 'react';
import { remindersXlsxUrl, type CompletenessMatrix, type CompletenessQuery } from '../api/review';
import { BulkApprove } from './BulkApprove';
import { approvableIds, filterUnits, indexCells, UNIT_FILTER_LABELS, type UnitFilter } from './completeness';
import { CompletenessMatrixTable } from './CompletenessMatrixTable';
import { CompletenessTotals } from './CompletenessTotals';

interface Props {
  matrix: CompletenessMatrix;
  query: CompletenessQuery;
  reload: () => void;
}

/** The totals, the matrix with its filters and checkboxes, bulk approval and the reminder list. */
export function CompletenessView({ matrix, query, reload }: Props) {
  const id = useId();
  const [filter, setFilter] = useState<UnitFilter>('all');
  const [text, setText] = useState('');
  // Units not yet due are reminded only when their deadline is this close.
  const [withinDays, setWithinDays] = useState(7);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const cells = useMemo(() => indexCells(matrix.cells), [matrix.cells]);
  const units = useMemo(() => filterUnits(matrix, filter, text), [matrix, filter, text]);
  const shownIds = useMemo(() => new Set(units.map((u) => u.id)), [units]);
  const approvable = useMemo(() => approvableIds(matrix.cells.filter((c) => shownIds.has(c.unitId))), [matrix.cells, shownIds]);
  // A report approved meanwhile (or filtered out) is no longer chosen.
  const chosen = useMemo(() => new Set([...selected].filter((r) => approvable.includes(r))), [selected, approvable]);

  const toggle = (reportId: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(reportId);
      else next.delete(reportId);
      return next;
    });

  return (
    <div className="completeness-view">
      <h2>{matrix.template.title}</h2>
      <p className="hint">
        Hạn gửi: {matrix.obligation.deadlineDays} ngày sau ngày chốt số liệu
        {matrix.obligation.setBy ? ` (do ${matrix.obligation.setBy.name} giao)` : ' (mặc định của biểu mẫu)'}. {matrix.units.length} đơn vị phải gửi báo cáo.
      </p>
      <CompletenessTotals matrix={matrix} />
      <div className="matrix-tools">
        <div className="field">
          <label htmlFor={`${id}-text`}>Tìm đơn vị</label>
          <input id={`${id}-text`} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Tên hoặc mã đơn vị" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-filter`}>Hiện</label>
          <select id={`${id}-filter`} value={filter} onChange={(e) => setFilter(e.target.value as UnitFilter)}>
            {Object.entries(UNIT_FILTER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field reminder-days">
          <label htmlFor={`${id}-days`}>Đôn đốc đơn vị quá hạn và đến hạn trong (ngày)</label>
          <input id={`${id}-days`} type="number" min={0} max={366} value={withinDays} onChange={(e) => setWithinDays(Math.min(366, Math.max(0, Math.trunc(Number(e.target.value) || 0))))} />
        </div>
        <a className="button reminders-link" href={remindersXlsxUrl(query, withinDays)} download>
          Tải danh sách đôn đốc (XLSX)
        </a>
      </div>
      <BulkApprove matrix={matrix} approvable={approvable} selected={chosen} onSelect={(ids) => setSelected(new Set(ids))} onApproved={reload} />
      <CompletenessMatrixTable matrix={matrix} units={units} cells={cells} selected={chosen} onToggle={toggle} />
    </div>
  );
}
