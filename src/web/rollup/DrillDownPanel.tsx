import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import type { Template, TemplateRow } from '../../domain/templates/template';
import type { RolledValue, Rollup } from '../api/review';
import { contributionLines, METHOD_LABELS, rolledText, rowCoverageText } from './rollupView';

interface Props {
  template: Template;
  row: TemplateRow;
  rolled: RolledValue;
  rollup: Rollup;
  onClose: () => void;
}

/** Each unit's share of one rolled-up figure, with the way to its report. */
export function DrillDownPanel({ template, row, rolled, rollup, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const lines = contributionLines(template, row, rolled, rollup);
  const showParts = lines.some((l) => l.parts !== '');
  const showStatus = lines.some((l) => l.status !== '');
  useEffect(() => heading.current?.focus(), [row.id]);

  return (
    <aside className="panel drilldown" aria-labelledby="drilldown-title">
      <div className="drilldown-head">
        <h2 id="drilldown-title" ref={heading} tabIndex={-1}>
          Số liệu từng đơn vị
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Đóng
        </button>
      </div>
      <p className="drilldown-row">
        <strong>
          {row.code ? `${row.code} ` : ''}
          {row.label}
        </strong>
        {row.unit ? <span className="hint"> ({row.unit})</span> : null}
      </p>
      <dl className="facts">
        <dt>Tổng hợp</dt>
        <dd>{rolledText(row, rolled)}</dd>
        <dt>Cách tổng hợp</dt>
        <dd>{METHOD_LABELS[rolled.method]}</dd>
        <dt>Phạm vi</dt>
        <dd>{rowCoverageText(rolled, rollup)}</dd>
      </dl>
      {rolled.note && <p className="rollup-note">{rolled.note}</p>}
      {lines.length === 0 ? (
        <p className="hint">Chưa có đơn vị nào trong số liệu tổng hợp.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact drilldown-table" aria-label={`Số liệu từng đơn vị: ${row.label}`}>
            <thead>
              <tr>
                <th scope="col">Đơn vị</th>
                <th scope="col" className="num">
                  Số liệu
                </th>
                {showParts && (
                  <th scope="col" className="num">
                    Tử số/Mẫu số
                  </th>
                )}
                {showStatus && <th scope="col">Tính vào tổng hợp</th>}
                <th scope="col">Báo cáo</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.unit.id}>
                  <th scope="row">{l.unit.name}</th>
                  <td className="num">{l.value}</td>
                  {showParts && <td className="num nowrap">{l.parts}</td>}
                  {showStatus && <td className={l.status.startsWith('Không tính') ? 'rollup-left-out' : undefined}>{l.status || 'Có'}</td>}
                  <td>
                    {l.reportId !== null && (
                      <Link to={`/bao-cao/${l.reportId}#row-${row.id}`}>
                        Xem báo cáo<span className="visually-hidden"> của {l.unit.name}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </aside>
  );
}
