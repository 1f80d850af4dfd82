import { Link } from 'react-router-dom';
import type { Rollup, RollupUnit } from '../api/review';
import { reportStatusLabel } from '../reports/status';
import { includedCount } from './rollupView';

/** Which units are in the figures (x of y) and, folded, those that are not yet. */
export function RollupUnitsPanel({ rollup }: { rollup: Rollup }) {
  const { included, total } = includedCount(rollup);
  const inside = rollup.units.filter((u) => u.included);
  const outside = rollup.units.filter((u) => !u.included);
  return (
    <section className="panel rollup-units" aria-labelledby="rollup-units-title">
      <h2 id="rollup-units-title">
        Đơn vị được tổng hợp: {included}/{total}
      </h2>
      <p className="hint">
        {rollup.basis === 'approved' ? 'Chỉ tính báo cáo đã duyệt.' : 'Tính báo cáo đã duyệt và báo cáo đã gửi, đang chờ duyệt.'} Báo cáo đang mở lại để đính chính được tính với số
        liệu đã duyệt trước đó.
      </p>
      {inside.length > 0 && <UnitTable label="Các đơn vị có trong số liệu tổng hợp" units={inside} />}
      {outside.length > 0 && (
        <details className="rollup-outside">
          <summary>Các đơn vị chưa có trong số liệu tổng hợp ({outside.length})</summary>
          <UnitTable label="Các đơn vị chưa có trong số liệu tổng hợp" units={outside} />
        </details>
      )}
    </section>
  );
}

function UnitTable({ label, units }: { label: string; units: RollupUnit[] }) {
  return (
    <div className="table-wrap">
      <table className="table table-compact" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Đơn vị</th>
            <th scope="col">Mã</th>
            <th scope="col">Trạng thái báo cáo</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit.id}>
              <td>{u.reportId !== null ? <Link to={`/bao-cao/${u.reportId}`}>{u.unit.name}</Link> : u.unit.name}</td>
              <td className="mono">{u.unit.code}</td>
              <td>
                {u.status ? <span className={`report-status status-${u.status}`}>{reportStatusLabel(u.status)}</span> : <span className="hint">Chưa lập</span>}
                {u.source === 'last_approved' && <span className="hint"> — tính theo số liệu đã duyệt trước khi mở lại</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
