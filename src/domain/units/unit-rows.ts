import type { ImportIssue } from '../import/import-issue';
import { shownValue, TEXT_BOUNDS, textProblem } from '../import/input-bounds';
import { formatDateVi } from '../text/iso-date';
import { isUnitValidOn, UNIT_LEVEL_LABELS, UNIT_LEVEL_RANK, type Unit, type UnitLevel } from './unit';

/** The most units one file may hold (the country has about 10,600 in the three-level era). */
export const MAX_UNIT_ROWS = 100_000;

/** Why a unit code is refused, or null. */
export function unitCodeProblem(code: string): string | null {
  if (!code) return 'thiếu mã đơn vị.';
  if (!/^[0-9A-Za-z._-]{1,20}$/.test(code)) {
    return `mã "${shownValue(code, 40)}" chỉ được gồm chữ, số và dấu . _ - (tối đa ${TEXT_BOUNDS.unitCode} ký tự).`;
  }
  return null;
}

/** Why a unit name is refused, or null. */
export function unitNameProblem(name: string): string | null {
  if (!name) return 'thiếu tên đơn vị.';
  const problem = textProblem(name, TEXT_BOUNDS.unitName);
  if (problem) return `tên đơn vị ${problem}`;
  return /[\r\n\t]/.test(name) ? 'tên đơn vị không được xuống dòng hoặc có dấu tab.' : null;
}

/** One unit as read from an import file, before it is checked. */
export interface UnitRow {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Where the row came from, so every message can point at it. */
  source: { file: string; row?: number; columns: UnitRowColumns };
}

/** The header (or JSON path) of each field as the file names it. */
export interface UnitRowColumns {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  validFrom: string;
  validTo: string;
}

export type ParentRef = { kind: 'row'; index: number } | { kind: 'existing'; id: number } | null;

export interface ResolvedUnitRow {
  row: UnitRow;
  parent: ParentRef;
}

export type ExistingUnit = Pick<Unit, 'id' | 'code' | 'level' | 'validFrom' | 'validTo'>;

/** The date a row is anchored at when looking for its parent: its start, or its end if open-ended in the past. */
function anchorDate(row: UnitRow): string | null {
  return row.validFrom ?? row.validTo;
}

function coversAnchor(candidate: { validFrom: string | null; validTo: string | null }, anchor: string | null) {
  if (anchor === null) return candidate.validFrom === null;
  return isUnitValidOn(candidate, anchor);
}

/**
 * Checks a whole file of unit rows against itself and the units already stored, and
 * resolves each row's parent. Returns every issue found, not just the first, so a person
 * can fix the file in one pass. Rows come back ordered parents-first for insertion.
 */
export function resolveUnitRows(
  rows: UnitRow[],
  existingByCode: (code: string) => ExistingUnit[],
): { resolved: ResolvedUnitRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const at = (row: UnitRow, column: keyof UnitRowColumns, message: string) =>
    issues.push({ file: row.source.file, row: row.source.row, column: row.source.columns[column], message });

  const byKey = new Map<string, number>();
  const byCode = new Map<string, number[]>();
  rows.forEach((row, index) => {
    if (row.validFrom && row.validTo && row.validFrom > row.validTo) {
      at(row, 'validTo', `ngày hết hiệu lực ${formatDateVi(row.validTo)} trước ngày bắt đầu hiệu lực ${formatDateVi(row.validFrom)}.`);
    }
    const key = `${row.code}|${row.validFrom ?? ''}`;
    const first = byKey.get(key);
    if (first !== undefined) {
      const other = rows[first]?.source.row;
      at(row, 'code', `mã "${row.code}" bị trùng${other !== undefined ? ` với dòng ${other}` : ''}.`);
      return;
    }
    byKey.set(key, index);
    byCode.set(row.code, [...(byCode.get(row.code) ?? []), index]);
  });

  const resolved: ResolvedUnitRow[] = rows.map((row) => ({ row, parent: null }));
  rows.forEach((row, index) => {
    const entry = resolved[index]!;
    if (row.level === 'province') {
      if (row.parentCode) at(row, 'parentCode', 'đơn vị cấp tỉnh không có đơn vị cấp trên.');
      return;
    }
    if (!row.parentCode) {
      at(row, 'parentCode', `thiếu mã cấp trên cho đơn vị cấp ${UNIT_LEVEL_LABELS[row.level].toLowerCase()} "${row.code}".`);
      return;
    }
    const anchor = anchorDate(row);
    const inFile = (byCode.get(row.parentCode) ?? []).find((i) => coversAnchor(rows[i]!, anchor));
    if (inFile !== undefined) {
      entry.parent = { kind: 'row', index: inFile };
      checkRank(row, rows[inFile]!.level);
      return;
    }
    const stored = existingByCode(row.parentCode).find((unit) => coversAnchor(unit, anchor));
    if (stored) {
      entry.parent = { kind: 'existing', id: stored.id };
      checkRank(row, stored.level);
      return;
    }
    at(row, 'parentCode', `không tìm thấy đơn vị cấp trên có mã "${row.parentCode}" còn hiệu lực${anchor ? ` ngày ${formatDateVi(anchor)}` : ''}.`);
  });

  function checkRank(row: UnitRow, parentLevel: UnitLevel) {
    if (UNIT_LEVEL_RANK[parentLevel] >= UNIT_LEVEL_RANK[row.level]) {
      at(
        row,
        'level',
        `đơn vị cấp ${UNIT_LEVEL_LABELS[row.level].toLowerCase()} không thể trực thuộc đơn vị cấp ${UNIT_LEVEL_LABELS[parentLevel].toLowerCase()} "${row.parentCode}".`,
      );
    }
  }

  const order = resolved
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => UNIT_LEVEL_RANK[a.entry.row.level] - UNIT_LEVEL_RANK[b.entry.row.level] || a.index - b.index);
  // Re-point in-file parent references at the new positions.
  const newIndex = new Map(order.map(({ index }, position) => [index, position]));
  const sorted = order.map(({ entry }) => ({
    row: entry.row,
    parent: entry.parent?.kind === 'row' ? { kind: 'row' as const, index: newIndex.get(entry.parent.index)! } : entry.parent,
  }));
  return { resolved: sorted, issues };
}
