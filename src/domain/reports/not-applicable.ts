import { normalizeForSearch } from '../text/normalize-for-search';

/**
 * "Không phát sinh": the row does not apply to the unit in the period. It is a value of its own,
 * distinct from blank (not given yet) and from 0 (counted, none). Reports print it as "-", and "-"
 * is also how it is stored in report values and interchange files.
 */
export const NOT_APPLICABLE = '-';

/** How the printed report and the web app name it. */
export const NOT_APPLICABLE_LABEL = 'không phát sinh';

// What officials write for it: "-" (and the typographic dashes), "x", "không phát sinh", "KPS".
const WRITTEN_FORMS = new Set(['-', '\u2013', '\u2014', 'x', 'khong phat sinh', 'kps']);

/** True when a raw value (typed, imported or stored) means "không phát sinh". */
export function isNotApplicable(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return WRITTEN_FORMS.has(normalizeForSearch(value).replace(/\.$/, ''));
}

/** The value to store: the canonical "-" for every written form of "không phát sinh", else the value as is. */
export function normaliseNotApplicable<T>(value: T): T | typeof NOT_APPLICABLE {
  return isNotApplicable(value) ? NOT_APPLICABLE : value;
}
