const SECRET_KEY = /pass|secret|token|csrf/i;
const MAX_STRING = 500;
const MAX_DEPTH = 6;
const MAX_ITEMS = 200;
/** Larger details are replaced by a note of their size: the log keeps who did what, not bulk data. */
export const MAX_DETAILS_CHARS = 16_000;

/** NUL cannot be stored in text or JSON by PostgreSQL: a refused input that carried one is recorded with ␀ in its place. */
export const visibleNul = (text: string) => (text.includes('\u0000') ? text.replaceAll('\u0000', '\u2400') : text);

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return visibleNul(value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} ký tự)` : value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redactValue(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… (${value.length} phần tử)`] : items;
  }
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [visibleNul(key), SECRET_KEY.test(key) ? '***' : redactValue(item, depth + 1)]),
  );
}

/**
 * What of a request's input goes into the audit trail: secrets (passwords, tokens) masked,
 * long text cut, deep or huge input summarised, so the log stays readable and bounded.
 */
export function redactForAudit(value: unknown): unknown {
  if (value === undefined) return undefined;
  const redacted = redactValue(value, 0);
  const text = JSON.stringify(redacted) ?? '';
  return text.length > MAX_DETAILS_CHARS ? { omitted: `nội dung dài ${text.length} ký tự, không ghi vào nhật ký` } : redacted;
}
