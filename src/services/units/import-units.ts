import { extname } from 'node:path';
import { ImportRejectedError } from '../../domain/import/import-issue';
import type { Unit } from '../../domain/units/unit';
import { resolveUnitRows, type UnitRow } from '../../domain/units/unit-rows';
import { readUnitsCsv } from '../../import/units/read-units-csv';
import { readUnitsJson, type UnitListValidity } from '../../import/units/read-units-json';
import type { Store } from '../../store/store';
import type { NewUnit } from '../../store/repositories/units.repository';

export interface ImportUnitsInput {
  /** The file name as the user gave it: used in every message. */
  file: string;
  text: string;
  /** Validity for the official JSON lists; CSV rows carry their own. */
  validity?: Partial<UnitListValidity>;
  actorId?: number | null;
}

export interface ImportUnitsResult {
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The largest unit list read (the official three-level list is about 1 MB). */
export const MAX_UNIT_FILE_BYTES = 50 * 1024 * 1024;

const keyOf = (code: string, validFrom: string | null) => `${code}|${validFrom ?? ''}`;
const CHUNK = 1000;

export function readUnitRows(input: ImportUnitsInput): UnitRow[] {
  const extension = extname(input.file).toLowerCase();
  if (extension === '.json') return readUnitsJson(input.text, input.file, input.validity);
  if (extension === '.csv' || extension === '.txt') return readUnitsCsv(input.text, input.file);
  throw new ImportRejectedError([{ file: input.file, message: 'chỉ nhận tệp .csv hoặc .json.' }]);
}

/**
 * Loads units from a file. All or nothing: the file is checked completely first, then
 * written in one transaction. Re-importing the same file changes nothing (units are keyed
 * by code and validity start), so imports are idempotent.
 */
export async function importUnits(store: Store, input: ImportUnitsInput): Promise<ImportUnitsResult> {
  const rows = readUnitRows(input);
  const codes = [...new Set(rows.flatMap((row) => (row.parentCode ? [row.code, row.parentCode] : [row.code])))];
  const existing = await store.units.findAllByCodes(codes);
  const existingByCode = new Map<string, Unit[]>();
  for (const unit of existing) existingByCode.set(unit.code, [...(existingByCode.get(unit.code) ?? []), unit]);
  const existingByKey = new Map(existing.map((unit) => [keyOf(unit.code, unit.validFrom), unit]));

  const { resolved, issues } = resolveUnitRows(rows, (code) => existingByCode.get(code) ?? []);
  if (issues.length > 0) throw new ImportRejectedError(issues);

  const result: ImportUnitsResult = { file: input.file, rows: rows.length, inserted: 0, updated: 0, unchanged: 0 };
  await store.transaction(async (repos) => {
    const ids: number[] = new Array(resolved.length);
    const pending: Array<{ position: number; unit: NewUnit }> = [];
    const flush = async () => {
      for (let start = 0; start < pending.length; start += CHUNK) {
        const batch = pending.slice(start, start + CHUNK);
        const newIds = await repos.units.insertMany(batch.map((entry) => entry.unit));
        batch.forEach((entry, i) => (ids[entry.position] = newIds[i]!));
      }
      result.inserted += pending.length;
      pending.length = 0;
    };
    let currentLevel = resolved[0]?.row.level;
    for (const [position, { row, parent }] of resolved.entries()) {
      if (row.level !== currentLevel) {
        await flush(); // parents of the next level need their ids
        currentLevel = row.level;
      }
      const parentId = parent === null ? null : parent.kind === 'existing' ? parent.id : ids[parent.index]!;
      const unit: NewUnit = {
        code: row.code,
        name: row.name,
        level: row.level,
        parentId,
        validFrom: row.validFrom,
        validTo: row.validTo,
      };
      const stored = existingByKey.get(keyOf(row.code, row.validFrom));
      if (!stored) {
        pending.push({ position, unit });
        continue;
      }
      ids[position] = stored.id;
      const same =
        stored.name === unit.name && stored.level === unit.level && stored.parentId === parentId && stored.validTo === unit.validTo;
      if (same) {
        result.unchanged += 1;
      } else {
        await repos.units.update(stored.id, unit);
        result.updated += 1;
      }
    }
    await flush();
    await repos.audit.record({
      userId: input.actorId ?? null,
      action: 'units.import',
      subject: input.file,
      details: { ...result },
    });
  });
  return result;
}
