import type { CalendarDay, CalendarDayKind } from '../api/calendar';

/** The kinds an admin may set, with the labels of the form (the server's DAY_KIND_LABELS, "workday" spelled out). */
export const OVERRIDE_KIND_OPTIONS: Array<{ value: CalendarDayKind; label: string }> = [
  { value: 'holiday', label: 'Nghỉ lễ, tết' },
  { value: 'day_off', label: 'Ngày nghỉ' },
  { value: 'swapped_day_off', label: 'Nghỉ hoán đổi' },
  { value: 'makeup_workday', label: 'Làm bù' },
  { value: 'workday', label: 'Ngày làm việc bình thường' },
];

export const kindLabel = (kind: CalendarDayKind): string => OVERRIDE_KIND_OPTIONS.find((o) => o.value === kind)?.label ?? kind;

/** A day of the Lunar New Year break proper (the schedule names it "Tết Nguyên đán …"). */
export const isTet = (day: CalendarDay): boolean => day.kind === 'holiday' && /Tết Nguyên đán/i.test(day.reason ?? '');

/** The colour class of a day in the month grids; the legend uses the same classes. */
export function dayClass(day: CalendarDay): string {
  const classes = ['day'];
  if (isTet(day)) classes.push('day-tet');
  else if (day.kind === 'holiday') classes.push('day-holiday');
  else if (day.kind === 'day_off') classes.push('day-off');
  else if (day.kind === 'swapped_day_off') classes.push('day-swapped');
  else if (day.kind === 'makeup_workday') classes.push('day-makeup');
  else if (!day.working) classes.push('day-weekend');
  if (day.source === 'override') classes.push('day-local');
  return classes.join(' ');
}

/** The lunar date as printed on Vietnamese wall calendars: "1/1" on the first of a lunar month, else the day. */
export function lunarShort(day: CalendarDay, firstOfSolarMonth: boolean): string {
  const { lunar } = day;
  return lunar.day === 1 || firstOfSolarMonth ? `${lunar.day}/${lunar.month}${lunar.leap ? 'N' : ''}` : String(lunar.day);
}

export const SOURCE_LABELS: Record<NonNullable<CalendarDay['source']>, string> = {
  schedule: 'Lịch nghỉ năm của Nhà nước',
  statutory: 'Theo Bộ luật Lao động (dự kiến)',
  override: 'Ngày riêng của tỉnh/đơn vị',
};
