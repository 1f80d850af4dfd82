import type { DayOverride, YearSchedule } from '../../domain/calendar/schedule';
import { WorkCalendar } from '../../domain/calendar/working-days';
import type { Unit } from '../../domain/units/unit';
import type { Repositories } from '../../store/store';
import type { CalendarOverrideRecord } from '../../store/repositories/calendar-overrides.repository';
import { loadYearSchedules } from '../calendar-files';

let schedules: Promise<YearSchedule[]> | undefined;

/** The national schedules change only with a release, so they are read once per process. */
export function nationalSchedules(): Promise<YearSchedule[]> {
  schedules ??= loadYearSchedules().catch((error: unknown) => {
    schedules = undefined;
    throw error;
  });
  return schedules;
}

export function toDayOverride(record: CalendarOverrideRecord): DayOverride {
  return {
    date: record.date,
    kind: record.kind,
    reason: record.reason,
    ...(record.legalRef ? { legalRef: record.legalRef } : {}),
    scope: record.unitCode ? { province: record.provinceCode, unit: record.unitCode } : { province: record.provinceCode },
  };
}

/** The province a unit belongs to (itself for a province). */
export async function provinceOf(repos: Repositories, unit: Unit): Promise<Unit> {
  if (unit.level === 'province') return unit;
  const chain = await repos.units.ancestors(unit.id);
  return chain.find((u) => u.level === 'province') ?? chain.at(-1) ?? unit;
}

/** The working-day calendar of a unit: national schedules plus its province's and its own days. */
export async function unitCalendar(repos: Repositories, unit: Unit): Promise<WorkCalendar> {
  const province = await provinceOf(repos, unit);
  const overrides = await repos.calendarOverrides.listForProvince(province.code);
  return new WorkCalendar({
    schedules: await nationalSchedules(),
    overrides: overrides.map(toDayOverride),
    scope: { province: province.code, unit: unit.code },
  });
}
