import { Link } from 'react-router-dom';
import type { ReportListItem } from '../api/reports';
import { formatDate } from '../format/date';
import { formatNumber } from '../format/number';
import { periodTitle } from './periods';
import { reportStatusLabel } from './status';

interface Props {
  reports: ReportListItem[];
  templateTitles: ReadonlyMap<string, string>;
  /** Unit names by id, for a reviewer's list that spans several units; null hides the column. */
  unitNames: ReadonlyMap<number, string> | null;
}

/** The reports, newest period first. */
export function ReportList({ reports, templateTitles, unitNames }: Props) {
  const sorted = [...reports].sort((a, b) => b.windowTo.localeCompare(a.windowTo) || a.templateId.localeCompare(b.templateId) || a.unitId - b.unitId);
  return (
    <div className="table-wrap">
      <table className="table report-list" aria-label="Danh sách báo cáo">
        <thead>
          <tr>
            <th scope="col">Kỳ báo cáo</th>
            {unitNames && <th scope="col">Đơn vị</th>}
            <th scope="col">Biểu mẫu</th>
            <th scope="col">Thời gian số liệu</th>
            <th scope="col">Trạng thái</th>
            <th scope="col" className="num">
              Phiên bản
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">
                <Link to={`/bao-cao/${r.id}`}>{periodTitle(r.periodId)}</Link>
              </td>
              {unitNames && <td>{unitNames.get(r.unitId) ?? `Đơn vị số ${r.unitId}`}</td>}
              <td>{templateTitles.get(r.templateId) ?? r.templateId}</td>
              <td className="nowrap">
                {formatDate(r.windowFrom)} – {formatDate(r.windowTo)}
              </td>
              <td className="nowrap">
                <span className={`report-status status-${r.status}`}>{reportStatusLabel(r.status)}</span>
              </td>
              <td className="num">{formatNumber(r.revision)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
