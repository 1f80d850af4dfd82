import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { getCalendarYear } from '../api/calendar';
import { isAdmin } from '../auth/roles';
import { useCurrentUser } from '../auth/SessionContext';
import { CalendarAdmin } from '../calendar/CalendarAdmin';
import { CalendarLegend } from '../calendar/CalendarLegend';
import { CalendarSummary } from '../calendar/CalendarSummary';
import { SpecialDaysTable } from '../calendar/SpecialDaysTable';
import { YearGrid } from '../calendar/YearGrid';
import { YearSwitcher } from '../calendar/YearSwitcher';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

const MIN_YEAR = 1901;
const MAX_YEAR = 2099;

function yearFrom(text: string | null, fallback: number): number {
  const year = Number(text);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : fallback;
}

export function CalendarPage() {
  useDocumentTitle('Lịch làm việc');
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const thisYear = Number(today.slice(0, 4));
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get('nam'), thisYear);
  const [unitId, setUnitId] = useState<number | null>(null);
  const calendar = useApiQuery((signal) => getCalendarYear(year, unitId ?? undefined, signal), [year, unitId]);
  const data = calendar.data?.year === year ? calendar.data : undefined;
  const province = user.province ?? user.unit;

  const setYear = (next: number) => setParams(next === thisYear ? {} : { nam: String(next) });

  return (
    <section className="page calendar-page">
      <div className="page-head">
        <h1>Lịch làm việc năm {year}</h1>
        <YearSwitcher year={year} min={Math.max(MIN_YEAR, Math.min(year, thisYear) - 6)} max={Math.min(MAX_YEAR, Math.max(year, thisYear) + 3)} onChange={setYear} />
      </div>
      {isAdmin(user) && (
        <p className="admin-jump">
          <a href="#calendar-admin-title">Thêm hoặc sửa ngày nghỉ, ngày làm việc riêng của tỉnh ↓</a>
        </p>
      )}
      <p className="lead">
        Ngày làm việc, ngày nghỉ lễ, tết, nghỉ hoán đổi và làm bù của {data ? `${data.unit.name} (${data.province.name})` : user.unit.name}; dùng để
        tính ngày hẹn trả hồ sơ.
      </p>
      {user.role !== 'officer' && (
        <div className="toolbar calendar-unit">
          <SubtreeUnitSelect
            home={user.unit}
            unitId={unitId}
            asOf={today}
            onChange={(unit) => setUnitId(unit.id === user.unit.id ? null : unit.id)}
            label="Xem lịch của đơn vị"
          />
        </div>
      )}
      <ErrorNotice error={calendar.error} />
      {!data && !calendar.error && <LoadingNotice />}
      {data && (
        <>
          <CalendarSummary calendar={data} />
          <CalendarLegend />
          <YearGrid year={year} days={data.days} today={today} />
          <h2 className="section-title">Các ngày nghỉ lễ, nghỉ bù, hoán đổi và làm bù năm {year}</h2>
          <SpecialDaysTable year={year} days={data.days} />
        </>
      )}
      {isAdmin(user) && <CalendarAdmin year={year} province={province} asOf={today} onChanged={calendar.reload} />}
    </section>
  );
}
