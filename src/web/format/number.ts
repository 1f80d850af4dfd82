import { formatViPercent } from '../../domain/templates/vi-number';

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 1224 → "1.224", 99.9 → "99,9" (vi-VN grouping and decimal comma). */
export function formatNumber(value: number, fractionDigits?: number): string {
  if (fractionDigits === undefined && Number.isInteger(value)) return integer.format(value);
  return new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: fractionDigits ?? 0,
    maximumFractionDigits: fractionDigits ?? 2,
  }).format(value);
}

/** A percentage already computed by the server (98.07 → "98,07%"): the one style of the whole app. */
export function formatPercent(value: number): string {
  return formatViPercent(value);
}

/** A rate with its parts: "98,07% (509/519)"; a rate without a denominator is "— (0/0)". */
export function formatRate(rate: { value: number | null; numerator: number; denominator: number } | undefined): string {
  if (!rate) return '—';
  const parts = `(${formatNumber(rate.numerator)}/${formatNumber(rate.denominator)})`;
  return `${rate.value === null ? '—' : formatPercent(rate.value)} ${parts}`;
}
