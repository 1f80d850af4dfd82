import { normalizeForSearch } from '../text/normalize-for-search';

/**
 * Online mode under Decree 42/2022/NĐ-CP. Older data (before 2023) says "mức độ 4" for what is
 * now toàn trình and "mức độ 3" for một phần; "mức độ 1–2" only published information.
 */
export const ONLINE_MODES = ['full', 'partial', 'none'] as const;
export type OnlineMode = (typeof ONLINE_MODES)[number];

export const ONLINE_MODE_LABELS: Record<OnlineMode, string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
  none: 'Cung cấp thông tin',
};

const MODE_WORDS: Record<string, OnlineMode> = {
  'toan trinh': 'full',
  'dich vu cong truc tuyen toan trinh': 'full',
  'dvc toan trinh': 'full',
  'muc do 4': 'full',
  'md4': 'full',
  '4': 'full',
  'mot phan': 'partial',
  'dich vu cong truc tuyen mot phan': 'partial',
  'dvc mot phan': 'partial',
  'muc do 3': 'partial',
  'md3': 'partial',
  '3': 'partial',
  'cung cap thong tin': 'none',
  'thong tin truc tuyen': 'none',
  'muc do 2': 'none',
  'muc do 1': 'none',
  '2': 'none',
  '1': 'none',
  khong: 'none',
  '': 'none',
};

export function parseOnlineMode(text: string): OnlineMode | null {
  return MODE_WORDS[normalizeForSearch(text).replace(/[()]/g, '')] ?? null;
}

export interface Procedure {
  id: number;
  code: string;
  name: string;
  field: string;
  level: string;
  onlineMode: OnlineMode;
  /** Statutory processing time in working days; 0 means within the day of receipt. */
  statutoryDays: number;
  hasFee: boolean;
  interconnected: boolean;
}

/**
 * Reads "Thời hạn giải quyết": "5", "05 ngày làm việc", "0.5", "0,5", "Trong ngày".
 * A part of a day counts as the same day (0); other fractions round up to whole working days.
 */
export function parseStatutoryDays(text: string): number | null {
  const folded = normalizeForSearch(text);
  if (folded === 'trong ngay' || folded === 'ngay trong ngay' || folded === 'ngay lam viec tiep theo') {
    return folded === 'ngay lam viec tiep theo' ? 1 : 0;
  }
  const match = /^(\d+(?:[.,]\d+)?)(?:\s*(?:ngay|ngay lam viec))?$/.exec(folded);
  if (!match) return null;
  const value = Number(match[1]!.replace(',', '.'));
  if (!Number.isFinite(value) || value < 0 || value > 3650) return null;
  return value < 1 ? 0 : Math.ceil(value);
}
