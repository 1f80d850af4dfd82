import { ImportRejectedError } from '../../domain/import/import-issue';
import type { UnitLevel } from '../../domain/units/unit';
import type { UnitRow, UnitRowColumns } from '../../domain/units/unit-rows';

/**
 * Reads the two official unit lists (General Statistics Office codes, as packaged by
 * thanglequoc/vietnamese-provinces-database):
 *  - three levels: [{Code, FullName, District:[{Code, FullName, Ward:[{Code, FullName}]|null}]}]
 *  - two levels:   [{Code, FullName, Wards:[{Code, FullName}]}]
 * The three-level tree is in force until 30/06/2025; the two-level one from 01/07/2025.
 */
export const THREE_LEVEL_ERA = { validFrom: null, validTo: '2025-06-30' } as const;
export const TWO_LEVEL_ERA = { validFrom: '2025-07-01', validTo: null } as const;

interface RawUnit {
  Code?: unknown;
  FullName?: unknown;
  District?: unknown;
  Ward?: unknown;
  Wards?: unknown;
}

export interface UnitListValidity {
  validFrom: string | null;
  validTo: string | null;
}

export function readUnitsJson(text: string, file: string, override?: Partial<UnitListValidity>): UnitRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportRejectedError([{ file, message: `không phải JSON hợp lệ (${(error as Error).message}).` }]);
  }
  if (!Array.isArray(data) || data.length === 0) {
    throw new ImportRejectedError([{ file, message: 'cần một mảng các tỉnh ở cấp ngoài cùng.' }]);
  }
  const first = data[0] as RawUnit;
  const threeLevels = 'District' in first;
  if (!threeLevels && !('Wards' in first)) {
    throw new ImportRejectedError([
      { file, column: '[0]', message: 'không nhận ra cấu trúc: tỉnh cần có "District" (3 cấp) hoặc "Wards" (2 cấp).' },
    ]);
  }
  const era = { ...(threeLevels ? THREE_LEVEL_ERA : TWO_LEVEL_ERA), ...override };
  const rows: UnitRow[] = [];
  const issues: ImportRejectedError['issues'] = [];

  const add = (raw: unknown, path: string, level: UnitLevel, parentCode: string | null) => {
    const unit = raw as RawUnit;
    const code = typeof unit?.Code === 'string' ? unit.Code.trim() : '';
    const name = typeof unit?.FullName === 'string' ? unit.FullName.trim() : '';
    if (!code) issues.push({ file, column: `${path}.Code`, message: 'thiếu mã đơn vị.' });
    if (!name) issues.push({ file, column: `${path}.FullName`, message: 'thiếu tên đơn vị.' });
    const columns: UnitRowColumns = {
      code: `${path}.Code`,
      name: `${path}.FullName`,
      level: path,
      parentCode: path,
      validFrom: path,
      validTo: path,
    };
    if (code && name) rows.push({ code, name, level, parentCode, ...era, source: { file, columns } });
    return code;
  };
  const children = (raw: unknown, key: 'District' | 'Ward' | 'Wards', path: string): unknown[] => {
    const value = (raw as RawUnit)[key];
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value)) {
      issues.push({ file, column: `${path}.${key}`, message: 'cần một mảng.' });
      return [];
    }
    return value;
  };

  data.forEach((province, p) => {
    const provincePath = `[${p}]`;
    const provinceCode = add(province, provincePath, 'province', null);
    if (threeLevels) {
      children(province, 'District', provincePath).forEach((district, d) => {
        const districtPath = `${provincePath}.District[${d}]`;
        const districtCode = add(district, districtPath, 'district', provinceCode);
        children(district, 'Ward', districtPath).forEach((ward, w) =>
          add(ward, `${districtPath}.Ward[${w}]`, 'commune', districtCode),
        );
      });
    } else {
      children(province, 'Wards', provincePath).forEach((ward, w) =>
        add(ward, `${provincePath}.Wards[${w}]`, 'commune', provinceCode),
      );
    }
  });
  if (issues.length > 0) throw new ImportRejectedError(issues);
  return rows;
}
