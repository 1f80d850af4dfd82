/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * "Xã Thịnh Đức" and "xa thinh duc" fold to the same string.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
