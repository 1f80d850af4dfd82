import { Link } from 'react-router-dom';
import type { ReportListItem } from '../api/reports';
import { formatDate } from '../format/date';
import { formatNumber } from '../format/number';
import { periodTitle } from './periods';
import { reportStatusLabel } from './status';

interface Props {
  /** In the server's order: newest data window first. */
  reports: ReportListItem[];
  templateTitles: ReadonlyMap<string, string>;
  /** Whether to show each report's unit (a list that spans several units). */
  showUnit: boolean;
}

/** The reports of a page of the list. */
export function ReportList({ reports, templateTitles, showUnit }: Props) {
  return (
    <div className="table-wrap">
      <table className="table report-list" aria-label="Danh sách báo cáo">
        <thead>
          <tr>
            <th scope="col">Kỳ báo cáo</th>
            {showUnit && <th scope="col">Đơn vị</th>}
            <th scope="col">Biểu mẫu</th>
            <th scope="col">Thời gian số liệu</th>
            <th scope="col">Trạng thái</th>
            <th scope="col" className="num">
              Phiên bản
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">
                <Link to={`/bao-cao/${r.id}`}>{periodTitle(r.periodId)}</Link>
              </td>
              {showUnit && <td>{r.unitName}</td>}
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
