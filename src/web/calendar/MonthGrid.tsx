import type { CalendarDay } from '../api/calendar';
import { DayCell } from './DayCell';
import { WEEKDAY_NAMES, WEEKDAY_SHORT } from './weekdays';

interface Props {
  year: number;
  month: number;
  /** The days of this month, in order. */
  days: CalendarDay[];
  today: string;
}

/** A month as a Monday-first grid of weeks. */
export function MonthGrid({ year, month, days, today }: Props) {
  const lead = (days[0]?.weekday ?? 1) - 1;
  const cells: Array<CalendarDay | null> = [...Array<null>(lead).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<CalendarDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return (
    <table className="month-grid" aria-label={`Tháng ${month} năm ${year}`}>
      <caption>Tháng {month}</caption>
      <thead>
        <tr>
          {WEEKDAY_SHORT.map((short, i) => (
            <th key={short} scope="col" abbr={WEEKDAY_NAMES[i]} className={i >= 5 ? 'weekend-head' : undefined}>
              {short}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => (day ? <DayCell key={day.date} day={day} today={day.date === today} /> : <td key={`pad-${i}`} className="day-pad" />))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
