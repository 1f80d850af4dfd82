/** Vietnam time is UTC+7 all year (no daylight saving since 1975), whatever the browser's zone. */
const VN_OFFSET_MS = 7 * 3600_000;

const pad = (n: number) => String(n).padStart(2, '0');

function vnParts(instant: Date) {
  const shifted = new Date(instant.getTime() + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** An ISO instant from the server → "HH:mm dd/mm/yyyy" in Vietnam time; null → "—". */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = vnParts(instant);
  return `${pad(p.hour)}:${pad(p.minute)} ${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** Now, written the way the forms take it: "dd/mm/yyyy HH:mm" in Vietnam time. */
export function nowForInput(now: Date = new Date()): string {
  const p = vnParts(now);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

export { todayInVietnam } from '../../domain/calendar/date-time';

/**
 * What the user typed as a time ("dd/mm/yyyy HH:mm", also d/m/yyyy H:mm) → the same in canonical
 * form, or null when it is not a real date and time.
 */
export function parseViDateTime(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59) return null;
  return `${pad(day)}/${pad(month)}/${year} ${pad(hour)}:${pad(minute)}`;
}
