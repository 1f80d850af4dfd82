import { formatDateVi, parseDate } from '../../domain/text/iso-date';

/** ISO date (YYYY-MM-DD) → dd/mm/yyyy; an open bound (null) is shown as "—". */
export function formatDate(iso: string | null | undefined): string {
  return iso ? formatDateVi(iso) : '—';
}

/** What the user typed (dd/mm/yyyy, also d/m/yyyy) → ISO date, or null if it is not a real date. */
export function parseViDate(text: string): string | null {
  return parseDate(text);
}

/** Today in the browser's own calendar (not UTC: just after midnight in Hà Nội is still "today"). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
