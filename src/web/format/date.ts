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

/**
 * A document's date as the official types it: dd/mm/yyyy, or mm/yyyy (the day left for the
 * clerk), or yyyy → the stored form (2026-03-15, 2026-03, 2026); null when it is not a real date.
 */
export function parseDocumentDateText(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(trimmed)) return parseViDate(trimmed);
  const month = /^(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (month) {
    const m = Number(month[1]);
    return m >= 1 && m <= 12 ? `${month[2]}-${String(m).padStart(2, '0')}` : null;
  }
  return /^\d{4}$/.test(trimmed) ? trimmed : null;
}

/** The stored form of a document's date shown the Vietnamese way: 15/03/2026, 03/2026, 2026. */
export function formatDocumentDate(stored: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(stored.trim());
  if (!m) return stored;
  if (m[3]) return `${m[3]}/${m[2]}/${m[1]}`;
  if (m[2]) return `${m[2]}/${m[1]}`;
  return m[1]!;
}
