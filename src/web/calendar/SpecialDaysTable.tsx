import type { CalendarDay } from '../api/calendar';
import { formatDate } from '../format/date';
import { SOURCE_LABELS } from './dayKinds';
import { WEEKDAY_NAMES } from './weekdays';

/** The days of the year that differ from the ordinary Monday–Friday week, with why and on what basis. */
export function SpecialDaysTable({ year, days }: { year: number; days: CalendarDay[] }) {
  const special = days.filter((d) => d.kind !== null);
  if (special.length === 0) return <p className="hint">Năm {year} không có ngày nghỉ lễ hay ngày làm bù nào.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={`Các ngày đặc biệt năm ${year}`}>
        <thead>
          <tr>
            <th scope="col">Ngày</th>
            <th scope="col">Âm lịch</th>
            <th scope="col">Loại ngày</th>
            <th scope="col">Lý do</th>
            <th scope="col">Căn cứ</th>
            <th scope="col">Nguồn</th>
          </tr>
        </thead>
        <tbody>
          {special.map((day) => (
            <tr key={day.date}>
              <td className="nowrap">
                {WEEKDAY_NAMES[day.weekday - 1]}, {formatDate(day.date)}
              </td>
              <td className="nowrap">{day.lunar.label}</td>
              <td className="nowrap">
                <span className={`kind-chip ${chipClass(day)}`}>{day.kindLabel}</span>
              </td>
              <td>{day.reason}</td>
              <td className="legal-ref">{day.legalRef ?? '—'}</td>
              <td className="hint-cell">{day.source ? SOURCE_LABELS[day.source] : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function chipClass(day: CalendarDay): string {
  switch (day.kind) {
    case 'holiday':
      return 'chip-holiday';
    case 'day_off':
      return 'chip-off';
    case 'swapped_day_off':
      return 'chip-swapped';
    case 'makeup_workday':
      return 'chip-makeup';
    default:
      return 'chip-work';
  }
}
