import { Link } from 'react-router-dom';
import type { InboxItem } from '../api/review';
import { formatInstant } from '../format/dateTime';
import { reportStatusLabel } from '../reports/status';
import { CreateReportButton } from './CreateReportButton';
import { deadlineText } from './format';

interface Props {
  id: string;
  title: string;
  items: InboxItem[];
  empty: string;
  today: string;
}

/** One kind of work (due, returned, waiting for review) as a table with the action beside each report. */
export function InboxTable({ id, title, items, empty, today }: Props) {
  const review = items.some((i) => i.kind === 'review' || i.kind === 'stale');
  const returned = items.some((i) => i.kind === 'returned');
  return (
    <section className="inbox-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count-badge">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table inbox-table" aria-labelledby={id}>
            <thead>
              <tr>
                {review && <th scope="col">Đơn vị</th>}
                <th scope="col">Kỳ báo cáo</th>
                <th scope="col">Biểu mẫu</th>
                <th scope="col">{review ? 'Gửi lúc' : 'Hạn gửi'}</th>
                <th scope="col">Tình trạng</th>
                {returned && <th scope="col">Lý do trả lại</th>}
                <th scope="col" className="actions">
                  Thao tác
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <InboxRow key={`${item.kind}-${item.reportId ?? ''}-${item.templateId}-${item.periodId}`} item={item} review={review} returned={returned} today={today} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function InboxRow({ item, review, returned, today }: { item: InboxItem; review: boolean; returned: boolean; today: string }) {
  const overdue = item.timeliness === 'overdue';
  const context = `${item.periodLabel}, ${item.templateTitle}`;
  return (
    <tr className={overdue ? 'inbox-overdue' : undefined}>
      {review && <td>{item.unit.name}</td>}
      <td className="nowrap">{item.periodLabel}</td>
      <td>{item.templateTitle}</td>
      <td className="nowrap">{review ? formatInstant(item.submittedAt) : deadlineText(item.deadline, today)}</td>
      <td>
        {overdue && <span className="badge badge-overdue">Quá hạn</span>} {item.status ? <span className={`report-status status-${item.status}`}>{reportStatusLabel(item.status)}</span> : <span className="hint">Chưa lập</span>}
        {item.staleFigures && item.staleFigures.length > 0 && (
          <div className="stale-note">
            <strong>Số liệu hồ sơ đã thay đổi sau khi tính báo cáo:</strong>
            <ul>
              {item.staleFigures.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </td>
      {returned && <td className="inbox-comment">{item.comment ?? ''}</td>}
      <td className="actions">
        {item.reportId === null ? (
          <CreateReportButton unitId={item.unit.id} templateId={item.templateId} periodId={item.periodId} context={context} />
        ) : (
          <Link className="button button-small" to={`/bao-cao/${item.reportId}`}>
            {item.kind === 'review' ? 'Xem và duyệt' : item.kind === 'returned' ? 'Sửa và gửi lại' : item.kind === 'stale' ? 'Xem và mở lại để đính chính' : 'Mở báo cáo'}
            <span className="visually-hidden"> {review ? `của ${item.unit.name}, ` : ''}{context}</span>
          </Link>
        )}
      </td>
    </tr>
  );
}
