const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 1224 → "1.224", 99.9 → "99,9" (vi-VN grouping and decimal comma). */
export function formatNumber(value: number, fractionDigits?: number): string {
  if (fractionDigits === undefined && Number.isInteger(value)) return integer.format(value);
  return new Intl.NumberFormat('vi-VN', {
    minimumFractionDigits: fractionDigits ?? 0,
    maximumFractionDigits: fractionDigits ?? 2,
  }).format(value);
}
