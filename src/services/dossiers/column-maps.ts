import { mayManageUsers } from '../../domain/auth/access';
import type { Repositories, Store } from '../../store/store';
import { assertUnitAccess, principalOf } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { forbidden } from '../errors';

/** A unit and its parents, nearest first: where an import for the unit looks for a mapping. */
export async function unitChainOf(repos: Repositories, unitId: number): Promise<number[]> {
  return [unitId, ...(await repos.units.ancestors(unitId)).map((unit) => unit.id)];
}

export interface ColumnMapView {
  source: string;
  /** The unit the mapping is read for. */
  unitId: number;
  /** Where the mapping in force was saved: this unit, one of its parents, or null (the installation-wide default). */
  savedFor: number | null;
  columnMap: Record<string, string>;
}

/** The column mapping an import for a unit of the reader's subtree (default: the reader's unit) uses. */
export async function readColumnMap(store: Store, reader: SessionUser, source: string, unitId = reader.unit.id): Promise<ColumnMapView> {
  await assertUnitAccess(store, reader, unitId, 'read');
  const found = await store.importRuns.findColumnMap(source, await unitChainOf(store, unitId));
  return { source, unitId, savedFor: found?.unitId ?? null, columnMap: found?.columnMap ?? {} };
}

/**
 * Saves a unit's own mapping: an admin, for a unit of its subtree (default: its own unit — the
 * province for a province's admin). It applies to imports of that unit and of the units below it
 * that have none of their own; it never changes another province's mapping.
 */
export async function saveColumnMap(
  store: Store,
  actor: SessionUser,
  source: string,
  map: Record<string, string>,
  unitId = actor.unit.id,
): Promise<ColumnMapView> {
  if (!mayManageUsers(principalOf(actor))) throw forbidden('Chỉ quản trị viên được khai báo cách đọc cột.');
  const unit = await assertUnitAccess(store, actor, unitId, 'write');
  await store.transaction(async (repos) => {
    await repos.importRuns.saveColumnMap(source, unit.id, map);
    await repos.audit.record({ userId: actor.id, action: 'import-source.map', unitId: unit.id, subject: source, details: map });
  });
  return { source, unitId: unit.id, savedFor: unit.id, columnMap: map };
}
