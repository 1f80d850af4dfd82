import { ImportRejectedError } from '../../domain/import/import-issue';
import type { UnitLevel } from '../../domain/units/unit';
import { MAX_UNIT_ROWS, unitCodeProblem, unitNameProblem, type UnitRow, type UnitRowColumns } from '../../domain/units/unit-rows';
import { parseJsonText } from '../json-text';

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
  // The official lists nest six levels (provinces → districts → wards); more is not a unit list.
  const data = parseJsonText(text, file, { maxDepth: 8 });
  if (!Array.isArray(data) || data.length === 0) {
    throw new ImportRejectedError([{ file, message: 'cần một mảng các tỉnh ở cấp ngoài cùng.' }]);
  }
  const first = data[0] as RawUnit;
  if (typeof first !== 'object' || first === null || Array.isArray(first)) {
    throw new ImportRejectedError([{ file, column: '[0]', message: 'mỗi tỉnh phải là một đối tượng {"Code", "FullName", …}.' }]);
  }
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
    const codeProblem = unitCodeProblem(code);
    const nameProblem = unitNameProblem(name);
    if (codeProblem) issues.push({ file, column: `${path}.Code`, message: codeProblem });
    if (nameProblem) issues.push({ file, column: `${path}.FullName`, message: nameProblem });
    if (rows.length + issues.length > MAX_UNIT_ROWS) {
      throw new ImportRejectedError([{ file, message: `tệp có hơn ${MAX_UNIT_ROWS.toLocaleString('vi-VN')} đơn vị.` }]);
    }
    const columns: UnitRowColumns = {
      code: `${path}.Code`,
      name: `${path}.FullName`,
      level: path,
      parentCode: path,
      validFrom: path,
      validTo: path,
    };
    if (!codeProblem && !nameProblem) rows.push({ code, name, level, parentCode, ...era, source: { file, columns } });
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
