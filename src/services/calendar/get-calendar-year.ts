import { solarToLunar } from '../../domain/calendar/lunar';
import { epochDayToIso, isoToEpochDay } from '../../domain/calendar/plain-date';
import { DAY_KIND_LABELS } from '../../domain/calendar/schedule';
import { lunarDayLabel } from '../../domain/calendar/statutory';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { invalidInput } from '../errors';
import { provinceOf, unitCalendar } from './unit-calendar';

export interface CalendarDay {
  date: string;
  weekday: number;
  working: boolean;
  weekend: boolean;
  kind: string | null;
  kindLabel: string | null;
  reason: string | null;
  legalRef: string | null;
  source: 'schedule' | 'statutory' | 'override' | null;
  lunar: { day: number; month: number; year: number; leap: boolean; label: string };
}

export interface CalendarYear {
  year: number;
  unit: Unit;
  province: Unit;
  confirmed: boolean;
  sources: string[];
  notes: string | null;
  workingDays: number;
  days: CalendarDay[];
}

export const CALENDAR_MIN_YEAR = 1901;
export const CALENDAR_MAX_YEAR = 2099;

/** Every day of a year as the unit's officials live it: working or not, why, and its lunar date. */
export async function getCalendarYear(store: Store, user: SessionUser, year: number, unitId?: number): Promise<CalendarYear> {
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    throw invalidInput(`Năm ${year} nằm ngoài phạm vi hỗ trợ (${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}).`);
  }
  const unit = unitId === undefined ? user.unit : await assertUnitAccess(store, user, unitId, 'read');
  const calendar = await unitCalendar(store, unit);
  const schedule = calendar.scheduleFor(year);
  const first = isoToEpochDay(`${year}-01-01`);
  const last = isoToEpochDay(`${year}-12-31`);
  const days: CalendarDay[] = [];
  for (let epochDay = first; epochDay <= last; epochDay++) {
    const status = calendar.dayStatus(epochDayToIso(epochDay));
    const lunar = solarToLunar(status.date);
    days.push({
      date: status.date,
      weekday: status.weekday,
      working: status.working,
      weekend: status.weekend,
      kind: status.entry?.kind ?? null,
      kindLabel: status.entry ? DAY_KIND_LABELS[status.entry.kind] : null,
      reason: status.entry?.reason ?? null,
      legalRef: status.entry?.legalRef || null,
      source: status.entry?.source ?? null,
      lunar: { day: lunar.day, month: lunar.month, year: lunar.year, leap: lunar.leap, label: lunarDayLabel(lunar) },
    });
  }
  return {
    year,
    unit,
    province: await provinceOf(store, unit),
    confirmed: schedule.confirmed,
    sources: [...schedule.sources],
    notes: schedule.notes ?? null,
    workingDays: days.filter((d) => d.working).length,
    days,
  };
}
