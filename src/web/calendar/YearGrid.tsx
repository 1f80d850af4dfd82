import type { CalendarDay } from '../api/calendar';
import { MonthGrid } from './MonthGrid';

/** The twelve months of a year, side by side. */
export function YearGrid({ year, days, today }: { year: number; days: CalendarDay[]; today: string }) {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <div className="year-grid">
      {months.map((month) => {
        const prefix = `${year}-${String(month).padStart(2, '0')}-`;
        return <MonthGrid key={month} year={year} month={month} days={days.filter((d) => d.date.startsWith(prefix))} today={today} />;
      })}
    </div>
  );
}
