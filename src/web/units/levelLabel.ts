import type { Unit } from '../api/types';

/** "Cấp tỉnh", "Cấp huyện", "Cấp xã": the API's level label names the tier (a Phường is "Xã" level). */
export const levelLabel = (unit: Pick<Unit, 'levelLabel'>): string => `Cấp ${unit.levelLabel.toLocaleLowerCase('vi')}`;
