import type { ReportEventDto } from '../api/reports';
import { formatInstant } from '../format/dateTime';
import { reportStatusLabel } from './status';

/** Every transition of the report, oldest first: who, when, what, and the reason given. */
export function ReportTimeline({ events }: { events: ReportEventDto[] }) {
  if (events.length === 0) return <p className="hint">Báo cáo chưa được gửi lần nào.</p>;
  return (
    <ol className="report-timeline" aria-label="Quá trình gửi và duyệt">
      {events.map((e) => (
        <li key={e.id} className={`timeline-${e.action}`}>
          <strong>{e.actionLabel}</strong> — {e.userName ?? 'hệ thống'}, {formatInstant(e.at)}
          <span className="hint">
            {' '}
            ({reportStatusLabel(e.fromStatus)} → {reportStatusLabel(e.toStatus)}
            {e.correction > 0 ? `, lần đính chính ${e.correction}` : ''})
          </span>
          {e.earlyReason && <p className="timeline-early">Gửi trước khi hết kỳ lấy số liệu. Lý do: {e.earlyReason}</p>}
          {e.comment && <blockquote>{e.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
