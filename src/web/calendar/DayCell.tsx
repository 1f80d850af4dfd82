import type { CalendarDay } from '../api/calendar';
import { formatDate } from '../format/date';
import { dayClass, isTet, lunarShort } from './dayKinds';
import { WEEKDAY_NAMES } from './weekdays';

/** What a day is, in words: read out by screen readers and shown on hover. */
export function describeDay(day: CalendarDay): string {
  const parts = [`${WEEKDAY_NAMES[day.weekday - 1]} ${formatDate(day.date)}`, `âm lịch ${day.lunar.label}`];
  if (day.kindLabel) parts.push(`${day.kindLabel}${day.reason ? `: ${day.reason}` : ''}`);
  else if (!day.working) parts.push('nghỉ hằng tuần');
  return parts.join(', ');
}

/** One day of a month grid: the solar day, the lunar date under it, and its colour. */
export function DayCell({ day, today }: { day: CalendarDay; today: boolean }) {
  const label = describeDay(day);
  return (
    <td className={`${dayClass(day)}${today ? ' day-today' : ''}`} aria-label={label} title={label} data-date={day.date}>
      <span className="day-solar">{Number(day.date.slice(8))}</span>
      <span className="day-lunar">{lunarShort(day, day.date.endsWith('-01'))}</span>
      {isTet(day) && day.lunar.month === 1 && day.lunar.day === 1 && <span className="day-tag">Tết</span>}
    </td>
  );
}
