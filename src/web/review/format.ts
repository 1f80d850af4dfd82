import { formatDate } from '../format/date';
import { formatNumber, formatPercent } from '../format/number';

/** A percentage in the app's one style: 99.9 → "99,9%"; none → "—". */
export function percentText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatPercent(value);
}

/** A rate with its parts: "51,9% (109/210)"; without parts only the percentage. */
export function rateText(value: number | null, numerator: number | null, denominator: number | null): string {
  const parts = numerator !== null && denominator !== null ? ` (${formatNumber(numerator)}/${formatNumber(denominator)})` : '';
  return `${percentText(value)}${parts}`;
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Calendar days from today to a deadline: negative once it has passed. */
export const daysUntil = (deadline: string, today: string): number => dayNumber(deadline) - dayNumber(today);

/** "19/12/2026 (còn 26 ngày)", "19/12/2026 (hôm nay)", "19/03/2026 (quá 249 ngày)". */
export function deadlineText(deadline: string | null, today: string): string {
  if (!deadline) return '—';
  const days = daysUntil(deadline, today);
  const when = days > 0 ? `còn ${formatNumber(days)} ngày` : days === 0 ? 'hôm nay' : `quá ${formatNumber(-days)} ngày`;
  return `${formatDate(deadline)} (${when})`;
}
