import type { CalendarYear } from '../api/calendar';
import { formatNumber } from '../format/number';
import { Notice } from '../ui/Notice';

/** The year's working-day count, the documents it rests on, and a warning while it is only a forecast. */
export function CalendarSummary({ calendar }: { calendar: CalendarYear }) {
  return (
    <div className="panel calendar-summary">
      {!calendar.confirmed && (
        <Notice kind="warning">
          Lịch dự kiến, chưa có thông báo chính thức. Các ngày nghỉ năm {calendar.year} được tính theo Bộ luật Lao động và có thể thay đổi khi
          Nhà nước công bố lịch nghỉ.
        </Notice>
      )}
      <p className="working-days">
        Năm {calendar.year} có <strong>{formatNumber(calendar.workingDays)}</strong> ngày làm việc đối với {calendar.unit.name}.
      </p>
      {calendar.notes && <p className="hint">{calendar.notes}</p>}
      {calendar.sources.length > 0 && (
        <>
          <h3>Căn cứ</h3>
          <ul className="sources">
            {calendar.sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
