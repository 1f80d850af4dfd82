import type { IsoDate } from './plain-date';

/**
 * A year's working-day schedule for civil servants (who rest on Saturday and Sunday): the days
 * that change the ordinary Monday–Friday pattern.
 *
 * - `holiday`: a public holiday of the Labour Code (art. 112) on a weekday;
 * - `day_off`: another day off on a weekday, usually a compensating day (nghỉ bù) for a holiday
 *   that fell on a weekend (art. 111(3)), or an extra day granted by the Prime Minister;
 * - `swapped_day_off`: a weekday off in exchange for a make-up Saturday (hoán đổi ngày làm việc);
 * - `makeup_workday`: a Saturday or Sunday that is a working day (làm bù).
 */
export type DayKind = 'holiday' | 'day_off' | 'swapped_day_off' | 'makeup_workday';

export const DAY_KINDS: readonly DayKind[] = ['holiday', 'day_off', 'swapped_day_off', 'makeup_workday'];

export const DAY_KIND_LABELS: Readonly<Record<DayKind | 'workday', string>> = {
  holiday: 'Nghỉ lễ, tết',
  day_off: 'Ngày nghỉ',
  swapped_day_off: 'Nghỉ hoán đổi',
  makeup_workday: 'Làm bù',
  workday: 'Làm việc',
};

export function isDayOffKind(kind: DayKind | 'workday'): boolean {
  return kind === 'holiday' || kind === 'day_off' || kind === 'swapped_day_off';
}

export interface ScheduleDay {
  readonly date: IsoDate;
  readonly kind: DayKind;
  /** Why, in Vietnamese: "Tết Nguyên đán", "Nghỉ bù Quốc khánh", "Làm bù cho ngày 02/05/2025". */
  readonly reason: string;
  /** The law or announcement behind the day: "Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024". */
  readonly legalRef: string;
  /** For a swap, the other day of the pair. */
  readonly swapWith?: IsoDate;
}

export interface YearSchedule {
  readonly year: number;
  /** False while the year's schedule is a forecast not yet announced by the Government. */
  readonly confirmed: boolean;
  /** `file`: read from a calendar file; `statutory`: computed from the Labour Code alone. */
  readonly origin: 'file' | 'statutory';
  /** The documents the schedule rests on. */
  readonly sources: readonly string[];
  readonly notes?: string;
  /** Sorted by date, at most one entry a date. */
  readonly days: readonly ScheduleDay[];
}

/**
 * A local or corrective day layered over the national schedule: a provincial holiday, a
 * unit's own arrangement, an admin's correction. `workday` makes a day a normal working day
 * (cancelling a day off of the schedule).
 */
export interface DayOverride {
  readonly date: IsoDate;
  readonly kind: DayKind | 'workday';
  readonly reason: string;
  readonly legalRef?: string;
  readonly scope: OverrideScope;
}

/**
 * Where an override applies. `{}` applies everywhere (a national correction); `province`
 * applies to units of that province; `unit` to one unit. A unit-scoped override wins over a
 * province-scoped one, which wins over a national one, which wins over the year's schedule.
 */
export interface OverrideScope {
  readonly province?: string;
  readonly unit?: string;
}
