import { basename } from 'node:path';
import { ImportRejectedError, type ImportIssue } from '../../domain/import/import-issue';
import {
  MAX_UNIT_PROCEDURE_ROWS,
  parseUnitProcedureRow,
  REQUIRED_UNIT_PROCEDURE_FIELDS,
  UNIT_PROCEDURE_HEADERS,
  versionEnds,
  type NewUnitProcedure,
  type UnitProcedure,
  type UnitProcedureField,
} from '../../domain/procedures/unit-procedure';
import type { Unit } from '../../domain/units/unit';
import type { Repositories, Store } from '../../store/store';
import { assertUnitAccess, noAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { invalidInput } from '../errors';
import { readKeyedTable } from './read-table';


async function unitFor(repos: Repositories, user: SessionUser | null, unitId: number, mode: 'read' | 'write'): Promise<Unit> {
  if (user) return assertUnitAccess(repos, user, unitId, mode);
  const unit = await repos.units.findById(unitId);
  if (!unit) throw noAccess();
  return unit;
}

export async function listUnitProcedures(store: Store, user: SessionUser | null, unitId: number): Promise<{ unit: Unit; procedures: UnitProcedure[] }> {
  const unit = await unitFor(store, user, unitId, 'read');
  return { unit, procedures: await store.unitLists.procedures(unit.id) };
}

/** The form's cells checked as an import row is; a problem is refused with its column. */
function parseForm(cells: Partial<Record<UnitProcedureField, string>>): NewUnitProcedure {
  const parsed = parseUnitProcedureRow(cells, '', undefined);
  if (!parsed.procedure) throw invalidInput(parsed.issues.map((i) => `Cột "${i.column}": ${i.message}`).join(' '), { issues: parsed.issues });
  return parsed.procedure;
}

async function closeEarlierVersions(repos: Repositories, unitId: number) {
  for (const change of versionEnds(await repos.unitLists.procedures(unitId))) await repos.unitLists.setProcedureEnd(change.id, change.validTo);
}

/** Adds a procedure (or a new version of one) to the unit's list, or corrects an entry (with its id). */
export async function saveUnitProcedure(
  store: Store,
  user: SessionUser,
  unitId: number,
  cells: Partial<Record<UnitProcedureField, string>>,
  entryId?: number,
): Promise<UnitProcedure> {
  const unit = await unitFor(store, user, unitId, 'write');
  const procedure = parseForm(cells);
  return store.transaction(async (repos) => {
    let id: number;
    let before: UnitProcedure | undefined;
    if (entryId !== undefined) {
      before = await repos.unitLists.procedure(entryId);
      if (!before || before.unitId !== unit.id) throw noAccess();
      const clash = (await repos.unitLists.procedures(unit.id)).find((p) => p.id !== entryId && p.code === procedure.code && p.validFrom === procedure.validFrom);
      if (clash) throw invalidInput(`Danh mục đã có thủ tục ${procedure.code} có hiệu lực từ ngày này.`);
      await repos.unitLists.updateProcedure(entryId, procedure);
      id = entryId;
    } else {
      const result = await repos.unitLists.upsertProcedure(unit.id, procedure);
      if (result.outcome !== 'inserted') throw invalidInput(`Danh mục đã có thủ tục ${procedure.code} có hiệu lực từ ngày này; hãy sửa dòng đó.`);
      id = result.id;
    }
    await closeEarlierVersions(repos, unit.id);
    await repos.audit.record({
      userId: user.id,
      unitId: unit.id,
      action: entryId === undefined ? 'unit-procedures.add' : 'unit-procedures.update',
      subject: `${unit.name}: ${procedure.code}`,
      details: before ? { before: { ...before, id: undefined, unitId: undefined }, after: procedure } : { after: procedure },
    });
    return (await repos.unitLists.procedure(id))!;
  });
}

export async function deleteUnitProcedure(store: Store, user: SessionUser, unitId: number, entryId: number): Promise<void> {
  const unit = await unitFor(store, user, unitId, 'write');
  await store.transaction(async (repos) => {
    const before = await repos.unitLists.procedure(entryId);
    if (!before || before.unitId !== unit.id) throw noAccess();
    await repos.unitLists.deleteProcedure(entryId);
    await repos.audit.record({ userId: user.id, unitId: unit.id, action: 'unit-procedures.delete', subject: `${unit.name}: ${before.code}`, details: { before } });
  });
}

export interface ImportUnitProceduresResult {
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Loads a unit's procedure list from CSV/XLSX: all or nothing, each row keyed by Mã thủ tục and
 * Hiệu lực từ (a later date is a new version and ends the earlier one). Entries not in the file stay.
 */
export async function importUnitProcedures(
  store: Store,
  user: SessionUser | null,
  unitId: number,
  path: string,
  fileName = basename(path),
): Promise<ImportUnitProceduresResult> {
  const unit = await unitFor(store, user, unitId, 'write');
  const file = fileName;
  const rows: NewUnitProcedure[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  await readKeyedTableOf(path, file, (cells, line) => {
    const parsed = parseUnitProcedureRow(cells, file, line);
    issues.push(...parsed.issues);
    if (!parsed.procedure) return;
    const key = `${parsed.procedure.code}|${parsed.procedure.validFrom}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({ file, row: line, column: UNIT_PROCEDURE_HEADERS.code, message: `thủ tục "${parsed.procedure.code}" với cùng ngày hiệu lực trùng với dòng ${earlier}.` });
      return;
    }
    seen.set(key, line);
    rows.push(parsed.procedure);
  });
  if (issues.length > 0) throw new ImportRejectedError(issues);
  const result: ImportUnitProceduresResult = { file, rows: rows.length, inserted: 0, updated: 0, unchanged: 0 };
  await store.transaction(async (repos) => {
    for (const procedure of rows) result[(await repos.unitLists.upsertProcedure(unit.id, procedure)).outcome] += 1;
    await closeEarlierVersions(repos, unit.id);
    await repos.audit.record({ userId: user?.id ?? null, unitId: unit.id, action: 'unit-procedures.import', subject: `${unit.name}: ${file}`, details: { ...result } });
  });
  return result;
}

function readKeyedTableOf(path: string, file: string, onRow: (cells: Partial<Record<UnitProcedureField, string>>, line: number) => void) {
  return readKeyedTable(path, file, UNIT_PROCEDURE_HEADERS, REQUIRED_UNIT_PROCEDURE_FIELDS, MAX_UNIT_PROCEDURE_ROWS, onRow);
}
