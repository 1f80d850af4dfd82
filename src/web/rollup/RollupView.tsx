import { useMemo, useState } from 'react';
import type { Template } from '../../domain/templates/template';
import { rollupXlsxUrl, type Rollup, type RollupQuery } from '../api/review';
import { formatDate } from '../format/date';
import { DiscrepancyPanel } from './DiscrepancyPanel';
import { DrillDownPanel } from './DrillDownPanel';
import { RollupTable } from './RollupTable';
import { RollupUnitsPanel } from './RollupUnitsPanel';

type Tab = 'values' | 'check';

/** The roll-up of one unit, template and period: the units in it, the figures with drill-down, the check against the dossiers. */
export function RollupView({ template, rollup, query }: { template: Template; rollup: Rollup; query: RollupQuery }) {
  const [tab, setTab] = useState<Tab>('values');
  const [rowId, setRowId] = useState<string | null>(null);
  const values = useMemo(() => new Map(rollup.values.map((v) => [v.rowId, v])), [rollup.values]);
  const row = rowId ? template.byId.get(rowId) : undefined;
  const rolled = rowId ? values.get(rowId) : undefined;

  const tabButton = (id: Tab, label: string) => (
    <button type="button" role="tab" id={`rollup-tab-${id}`} aria-selected={tab === id} aria-controls={`rollup-panel-${id}`} className={`tab${tab === id ? ' tab-active' : ''}`} onClick={() => setTab(id)}>
      {label}
    </button>
  );

  return (
    <div className="rollup-view">
      <div className="page-head">
        <h2>
          {rollup.unit.name} — {rollup.periodLabel}
        </h2>
        <a className="button" href={rollupXlsxUrl(query)} download>
          Tải XLSX (mỗi đơn vị một cột)
        </a>
      </div>
      <p className="hint">
        {rollup.templateTitle}. Số liệu từ {formatDate(rollup.window.from)} đến {formatDate(rollup.window.to)}.
      </p>
      <RollupUnitsPanel rollup={rollup} />
      <div className="tabs" role="tablist" aria-label="Tổng hợp">
        {tabButton('values', 'Số liệu tổng hợp')}
        {tabButton('check', 'Đối chiếu với hồ sơ')}
      </div>
      <div role="tabpanel" id={`rollup-panel-${tab}`} aria-labelledby={`rollup-tab-${tab}`} className="tab-panel">
        {tab === 'values' ? (
          <div className={`rollup-layout${row && rolled ? ' has-drilldown' : ''}`}>
            <RollupTable template={template} rollup={rollup} values={values} selectedRowId={rowId} onSelect={(id) => setRowId((current) => (current === id ? null : id))} />
            {row && rolled && <DrillDownPanel template={template} row={row} rolled={rolled} rollup={rollup} onClose={() => setRowId(null)} />}
          </div>
        ) : (
          <DiscrepancyPanel template={template} rollup={rollup} query={query} />
        )}
      </div>
    </div>
  );
}
