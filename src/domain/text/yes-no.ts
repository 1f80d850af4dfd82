import { normalizeForSearch } from './normalize-for-search';

const YES = new Set(['co', 'x', '1', 'yes', 'true', 'dung', 'da', 'da thanh toan', 'da so hoa']);
const NO = new Set(['khong', '', '0', 'no', 'false', 'chua', '-']);

/** Reads the yes/no cells of real exports: Có/Không, x/empty, 1/0. Returns null when unreadable. */
export function parseYesNo(text: string): boolean | null {
  const folded = normalizeForSearch(text);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return null;
}
