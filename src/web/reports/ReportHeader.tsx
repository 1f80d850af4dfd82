import { Link } from 'react-router-dom';
import type { Report } from '../api/reports';
import { formatDate } from '../format/date';
import { formatNumber } from '../format/number';
import { cutoffLabel } from './periods';
import { statsLink, type ReportScope } from './sources';
import { reportStatusLabel } from './status';

interface Props {
  report: Report;
  cutoff: string;
  scope: ReportScope;
  viewerUnitId: number;
}

/** What the report is: unit, template, data window, status and revision, with the way to its dossiers. */
export function ReportHeader({ report, cutoff, scope, viewerUnitId }: Props) {
  return (
    <dl className="facts report-facts" aria-label="Thông tin báo cáo">
      <dt>Đơn vị</dt>
      <dd>{report.unit.name}</dd>
      <dt>Biểu mẫu</dt>
      <dd>
        {report.templateTitle} <span className="hint">(phiên bản biểu mẫu {report.templateVersion})</span>
      </dd>
      <dt>Thời gian số liệu</dt>
      <dd>
        Từ ngày {formatDate(report.windowFrom)} đến ngày {formatDate(report.windowTo)} <span className="hint">({cutoffLabel(cutoff)})</span>
        <br />
        <Link to={statsLink(scope, viewerUnitId)}>Xem thống kê hồ sơ của kỳ</Link>
      </dd>
      <dt>Trạng thái</dt>
      <dd>
        <span className={`report-status status-${report.status}`}>{reportStatusLabel(report.status)}</span>
      </dd>
      <dt>Phiên bản số liệu</dt>
      <dd>{formatNumber(report.revision)}</dd>
    </dl>
  );
}
