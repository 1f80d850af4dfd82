import { api } from './client';
import type { Unit } from './types';

/** What a day is in a unit's working-day calendar (GET /api/calendar/:year). */
export interface CalendarDay {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  working: boolean;
  weekend: boolean;
  kind: CalendarDayKind | null;
  kindLabel: string | null;
  reason: string | null;
  legalRef: string | null;
  source: 'schedule' | 'statutory' | 'override' | null;
  lunar: { day: number; month: number; year: number; leap: boolean; label: string };
}

export type CalendarDayKind = 'holiday' | 'day_off' | 'swapped_day_off' | 'makeup_workday' | 'workday';

export interface CalendarYear {
  year: number;
  unit: Unit;
  province: Unit;
  /** False while the year is a forecast the Government has not announced yet. */
  confirmed: boolean;
  sources: string[];
  notes: string | null;
  workingDays: number;
  days: CalendarDay[];
}

/** A day set by the province's admin, for the whole province (unitCode null) or one unit. */
export interface CalendarOverride {
  id: number;
  date: string;
  kind: CalendarDayKind;
  reason: string;
  legalRef: string | null;
  provinceCode: string;
  unitCode: string | null;
}

export interface OverrideInput {
  date: string;
  kind: CalendarDayKind;
  reason: string;
  legalRef?: string | null;
  unitId: number;
}

export const getCalendarYear = (year: number, unitId: number | undefined, signal?: AbortSignal) =>
  api.get<CalendarYear>(`/api/calendar/${year}`, { query: { unitId }, ...(signal ? { signal } : {}) });

export const listCalendarOverrides = async (year: number, signal?: AbortSignal): Promise<CalendarOverride[]> =>
  (await api.get<{ overrides: CalendarOverride[] }>('/api/calendar-overrides', { query: { year }, ...(signal ? { signal } : {}) })).overrides;

export const setCalendarOverride = (input: OverrideInput) => api.put<CalendarOverride>('/api/calendar-overrides', input);

export const deleteCalendarOverride = (id: number) => api.delete<{ ok: true }>(`/api/calendar-overrides/${id}`);
