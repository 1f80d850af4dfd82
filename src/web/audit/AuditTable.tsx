import type { AuditEvent } from '../api/audit';
import { formatInstant } from '../format/dateTime';

const who = (e: AuditEvent) => {
  if (!e.actor.name) return <span className="muted">(chưa đăng nhập)</span>;
  return (
    <>
      {e.actor.name}
      {e.actor.username && e.actor.username !== e.actor.name && <span className="unit-code">{e.actor.username}</span>}
      {e.actor.unit?.name && <div className="muted">{e.actor.unit.name}</div>}
    </>
  );
};

/** What the event touched: its parameters and input, as recorded (secrets were masked on the server). */
function Details({ event }: { event: AuditEvent }) {
  if (event.details === null || event.details === undefined) return null;
  return (
    <details>
      <summary>Chi tiết</summary>
      <pre className="audit-details">{JSON.stringify(event.details, null, 2)}</pre>
      {event.requestId && <div className="muted">Mã yêu cầu: {event.requestId}</div>}
      {event.ip && <div className="muted">Địa chỉ: {event.ip}</div>}
    </details>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  return (
    <div className="table-wrap">
      <table className="table audit-table" aria-label="Nhật ký hoạt động">
        <thead>
          <tr>
            <th scope="col">Thời điểm</th>
            <th scope="col">Người thực hiện</th>
            <th scope="col">Thao tác</th>
            <th scope="col">Kết quả</th>
            <th scope="col">Đơn vị liên quan</th>
            <th scope="col">Nội dung</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className={e.outcome === 'ok' ? '' : 'audit-not-ok'}>
              <td className="nowrap">{formatInstant(e.at)}</td>
              <td>{who(e)}</td>
              <td>
                {e.actionLabel}
                <div className="muted">{e.channelLabel}</div>
              </td>
              <td>
                <span className={`status ${e.outcome === 'ok' ? 'status-on' : 'status-off'}`}>{e.outcomeLabel}</span>
                {e.status !== null && e.outcome !== 'ok' && <span className="unit-code">{e.status}</span>}
              </td>
              <td>{e.unit?.name ?? '—'}</td>
              <td>
                {e.subject}
                <Details event={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
