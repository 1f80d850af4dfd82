import type { DossierEvent } from '../api/dossiers';
import { formatInstant } from '../format/dateTime';

/** What happened to a dossier, oldest first. */
export function DossierTimeline({ events }: { events: DossierEvent[] }) {
  if (events.length === 0) return <p className="hint">Chưa có bước xử lý nào.</p>;
  return (
    <ol className="timeline" aria-label="Quá trình xử lý">
      {events.map((event) => (
        <li key={event.id} className={`timeline-item event-${event.kind}`}>
          <time className="timeline-time" dateTime={event.at}>
            {formatInstant(event.at)}
          </time>
          <div className="timeline-body">
            <strong className="timeline-label">{event.label}</strong>
            <span className="timeline-actor">{event.actor}</span>
            {event.note && <p className="timeline-note">{event.note}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
