/**
 * Reads a number as Vietnamese documents write it: `1.180.000` (dots group thousands), `98,07`
 * (comma before decimals), `07`, `-5`, `12 %`. A plain JS-style `98.07` with one dot and not three
 * digits after it is read as a decimal too. Returns null for anything that is not a number.
 */
export function parseViNumber(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  let text = input.trim().replace(/\s*%$/, '').replace(/\s/g, '');
  if (text === '' || text === '-') return null;
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) normalised = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d+)?$/.test(text)) normalised = text.replace(',', '.');
  else if (/^\d+\.\d+$/.test(text)) normalised = text;
  else return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? (negative ? -value : value) : null;
}

/** Decimal places as written ("98,07" → 2, "30" → 0), to compare with a value at the precision given. */
export function decimalsWritten(input: string | number): number {
  const text = String(input).trim();
  const match = /[,.](\d+)\s*%?$/.exec(text);
  if (!match) return 0;
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return 0; // thousands groups
  return match[1]!.length;
}

/** 1180000 → "1.180.000"; 98.07 → "98,07". */
export function formatViNumber(value: number, maxDecimals = 2): string {
  return value.toLocaleString('vi-VN', { maximumFractionDigits: maxDecimals });
}

/** A percentage as the app writes it everywhere, without a space: 68.18 → "68,18%", 100 → "100%". */
export function formatViPercent(value: number, maxDecimals = 2): string {
  return `${formatViNumber(value, maxDecimals)}%`;
}
