import { normalizeForSearch } from '../text/normalize-for-search';

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = {
  province: 'Tỉnh',
  district: 'Huyện',
  commune: 'Xã',
};

/** Rank in the hierarchy: a parent's rank is always lower than its child's. */
export const UNIT_LEVEL_RANK: Record<UnitLevel, number> = { province: 1, district: 2, commune: 3 };

export interface Unit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

const LEVEL_WORDS: Record<string, UnitLevel> = {
  tinh: 'province',
  'thanh pho truc thuoc trung uong': 'province',
  'cap tinh': 'province',
  '1': 'province',
  huyen: 'district',
  quan: 'district',
  'thi xa': 'district',
  'cap huyen': 'district',
  '2': 'district',
  xa: 'commune',
  phuong: 'commune',
  'thi tran': 'commune',
  'dac khu': 'commune',
  'cap xa': 'commune',
  '3': 'commune',
  province: 'province',
  district: 'district',
  commune: 'commune',
};

/** Reads the "Cấp" column: "Tỉnh", "huyện", "Xã", "Phường", "2", … */
export function parseUnitLevel(text: string): UnitLevel | null {
  return LEVEL_WORDS[normalizeForSearch(text)] ?? null;
}

/** Whether a unit was in force on an ISO date; open bounds mean "always". */
export function isUnitValidOn(unit: Pick<Unit, 'validFrom' | 'validTo'>, date: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || unit.validTo >= date);
}
