import { Link } from 'react-router-dom';
import type { CompletenessCell, CompletenessMatrix } from '../api/review';
import type { Unit } from '../api/types';
import { formatDate } from '../format/date';
import { formatInstant } from '../format/dateTime';
import { cellKey, isApprovable, TIMELINESS_LEGEND, TIMELINESS_TONES } from './completeness';

interface Props {
  matrix: CompletenessMatrix;
  /** The units shown (after the filter). */
  units: Unit[];
  cells: ReadonlyMap<string, CompletenessCell>;
  selected: ReadonlySet<number>;
  onToggle: (reportId: number, checked: boolean) => void;
}

/** Units down, periods across: each cell says whether the report came, on time or late, and where it stands. */
export function CompletenessMatrixTable({ matrix, units, cells, selected, onToggle }: Props) {
  return (
    <>
      <ul className="matrix-legend" aria-label="Chú giải màu">
        {TIMELINESS_LEGEND.map((l) => (
          <li key={l.timeliness}>
            <span className={`matrix-swatch ${TIMELINESS_TONES[l.timeliness]}`} aria-hidden="true" />
            {l.label}
          </li>
        ))}
      </ul>
      <div className="table-wrap matrix-wrap">
        <table className="table table-compact completeness-matrix" aria-label="Tình hình nộp báo cáo theo đơn vị và kỳ">
          <thead>
            <tr>
              <th scope="col">Đơn vị</th>
              {matrix.periods.map((p) => (
                <th scope="col" key={p.periodId}>
                  {p.label}
                  <small className="matrix-deadline">Hạn gửi {formatDate(p.deadline)}</small>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <th scope="row">
                  {unit.name} <span className="hint mono">{unit.code}</span>
                </th>
                {matrix.periods.map((p) => {
                  const cell = cells.get(cellKey(unit.id, p.periodId));
                  return cell ? (
                    <MatrixCell key={p.periodId} cell={cell} unit={unit} periodLabel={p.label} checked={cell.reportId !== null && selected.has(cell.reportId)} onToggle={onToggle} />
                  ) : (
                    <td key={p.periodId} className="matrix-cell matrix-none" title="Đơn vị không phải gửi báo cáo kỳ này">
                      —
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {units.length === 0 && <p className="hint">Không có đơn vị nào phù hợp.</p>}
    </>
  );
}

function MatrixCell({ cell, unit, periodLabel, checked, onToggle }: { cell: CompletenessCell; unit: Unit; periodLabel: string; checked: boolean; onToggle: Props['onToggle'] }) {
  const title = cell.submittedAt ? `Gửi lần đầu lúc ${formatInstant(cell.submittedAt)}; hạn gửi ${formatDate(cell.deadline)}` : `Hạn gửi ${formatDate(cell.deadline)}`;
  return (
    <td className={`matrix-cell ${TIMELINESS_TONES[cell.timeliness]} state-${cell.state}`} title={title}>
      <div className="matrix-cell-inner">
        {isApprovable(cell) && (
          <input type="checkbox" checked={checked} onChange={(e) => onToggle(cell.reportId!, e.target.checked)} aria-label={`Chọn báo cáo của ${unit.name}, ${periodLabel}`} />
        )}
        <span className="matrix-state">{cell.reportId !== null ? <Link to={`/bao-cao/${cell.reportId}`}>{cell.stateLabel}</Link> : cell.stateLabel}</span>
      </div>
      <span className="matrix-timeliness">{cell.timelinessLabel}</span>
    </td>
  );
}
