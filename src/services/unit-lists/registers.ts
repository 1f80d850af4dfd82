import { basename } from 'node:path';
import { ImportRejectedError, type ImportIssue } from '../../domain/import/import-issue';
import {
  DATE_HEADERS,
  parseRegisterCells,
  REGISTERS,
  type NewRegisterEntry,
  type RegisterEntry,
  type RegisterKind,
} from '../../domain/registers/registers';
import type { Unit } from '../../domain/units/unit';
import type { Repositories, Store } from '../../store/store';
import { assertUnitAccess, noAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { invalidInput } from '../errors';
import { readKeyedTable } from './read-table';

/** The most entries one register file may hold. */
export const MAX_REGISTER_ROWS = 5_000;


async function unitFor(repos: Repositories, user: SessionUser | null, unitId: number, mode: 'read' | 'write'): Promise<Unit> {
  if (user) return assertUnitAccess(repos, user, unitId, mode);
  const unit = await repos.units.findById(unitId);
  if (!unit) throw noAccess();
  return unit;
}

export async function listRegister(store: Store, user: SessionUser | null, unitId: number, register: RegisterKind): Promise<{ unit: Unit; entries: RegisterEntry[] }> {
  const unit = await unitFor(store, user, unitId, 'read');
  return { unit, entries: await store.unitLists.entries(unit.id, register) };
}

function parseForm(register: RegisterKind, cells: Record<string, string>): NewRegisterEntry {
  const parsed = parseRegisterCells(REGISTERS[register], cells, '', undefined);
  if (!parsed.entry) throw invalidInput(parsed.issues.map((i) => `Cột "${i.column}": ${i.message}`).join(' '), { issues: parsed.issues });
  return parsed.entry;
}

/** Adds an entry to a register, or corrects one (with its id). */
export async function saveRegisterEntry(
  store: Store,
  user: SessionUser,
  unitId: number,
  register: RegisterKind,
  cells: Record<string, string>,
  entryId?: number,
): Promise<RegisterEntry> {
  const unit = await unitFor(store, user, unitId, 'write');
  const entry = parseForm(register, cells);
  return store.transaction(async (repos) => {
    let id: number;
    let before: RegisterEntry | undefined;
    if (entryId !== undefined) {
      before = await repos.unitLists.entry(entryId);
      if (!before || before.unitId !== unit.id || before.register !== register) throw noAccess();
      await repos.unitLists.updateEntry(entryId, entry);
      id = entryId;
    } else {
      id = await repos.unitLists.insertEntry(unit.id, register, entry);
    }
    await repos.audit.record({
      userId: user.id,
      unitId: unit.id,
      action: entryId === undefined ? 'register.add' : 'register.update',
      subject: `${unit.name}: sổ ${REGISTERS[register].title.toLowerCase()}`,
      details: { register, ...(before ? { before: { startDay: before.startDay, endDay: before.endDay, data: before.data } } : {}), after: entry },
    });
    return (await repos.unitLists.entry(id))!;
  });
}

export async function deleteRegisterEntry(store: Store, user: SessionUser, unitId: number, register: RegisterKind, entryId: number): Promise<void> {
  const unit = await unitFor(store, user, unitId, 'write');
  await store.transaction(async (repos) => {
    const before = await repos.unitLists.entry(entryId);
    if (!before || before.unitId !== unit.id || before.register !== register) throw noAccess();
    await repos.unitLists.deleteEntry(entryId);
    await repos.audit.record({
      userId: user.id,
      unitId: unit.id,
      action: 'register.delete',
      subject: `${unit.name}: sổ ${REGISTERS[register].title.toLowerCase()}`,
      details: { register, before: { startDay: before.startDay, endDay: before.endDay, data: before.data } },
    });
  });
}

export interface ImportRegisterResult {
  file: string;
  register: RegisterKind;
  rows: number;
  /** Entries the file replaced. */
  replaced: number;
}

/**
 * Loads a register from CSV/XLSX, all or nothing. A span register (staff, equipment) is the
 * unit's whole list: the file replaces it. A day register (documents, activities) adds its
 * entries, replacing those already recorded on the same days, so importing a month twice
 * counts it once.
 */
export async function importRegister(
  store: Store,
  user: SessionUser | null,
  unitId: number,
  register: RegisterKind,
  path: string,
  fileName = basename(path),
): Promise<ImportRegisterResult> {
  const unit = await unitFor(store, user, unitId, 'write');
  const definition = REGISTERS[register];
  const file = fileName;
  const headers: Record<string, string> = Object.fromEntries(definition.fields.map((f) => [f.key, f.header]));
  if (definition.dated === 'span') Object.assign(headers, { startDay: DATE_HEADERS.start, endDay: DATE_HEADERS.end });
  else Object.assign(headers, { startDay: DATE_HEADERS.day });
  const required = [...definition.fields.filter((f) => f.required).map((f) => f.key), 'startDay'];
  const entries: NewRegisterEntry[] = [];
  const issues: ImportIssue[] = [];
  await readKeyedTable(path, file, headers, required, MAX_REGISTER_ROWS, (cells, line) => {
    const parsed = parseRegisterCells(definition, cells as Record<string, string>, file, line);
    issues.push(...parsed.issues);
    if (parsed.entry) entries.push(parsed.entry);
  });
  if (issues.length > 0) throw new ImportRejectedError(issues);
  const result: ImportRegisterResult = { file, register, rows: entries.length, replaced: 0 };
  await store.transaction(async (repos) => {
    if (definition.dated === 'span') {
      result.replaced = await repos.unitLists.clearRegister(unit.id, register);
    } else {
      const days = new Set(entries.map((e) => e.startDay));
      for (const old of await repos.unitLists.entries(unit.id, register)) {
        if (!days.has(old.startDay)) continue;
        await repos.unitLists.deleteEntry(old.id);
        result.replaced += 1;
      }
    }
    for (const entry of entries) await repos.unitLists.insertEntry(unit.id, register, entry);
    await repos.audit.record({ userId: user?.id ?? null, unitId: unit.id, action: 'register.import', subject: `${unit.name}: ${file}`, details: { ...result } });
  });
  return result;
}
