import { normalizeForSearch } from '../../domain/text/normalize-for-search';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { invalidInput } from '../errors';

export interface UnitNode extends Unit {
  childCount: number;
}

export interface BrowseUnitsQuery {
  parentId?: number;
  q?: string;
  asOf?: string;
  withinId?: number;
  limit?: number;
}

async function withChildCounts(store: Store, units: Unit[], asOf?: string): Promise<UnitNode[]> {
  const counts = await store.units.childCounts(
    units.map((u) => u.id),
    asOf,
  );
  return units.map((unit) => ({ ...unit, childCount: counts.get(unit.id) ?? 0 }));
}

/**
 * The directory of administrative units: public reference data (names and codes published by
 * the state), so any signed-in user may browse and search it. Unit *data* is guarded elsewhere.
 */
export async function browseUnits(store: Store, query: BrowseUnitsQuery): Promise<UnitNode[]> {
  const limit = Math.min(query.limit ?? 50, 500);
  if (query.q !== undefined && query.q.trim() !== '') {
    const folded = normalizeForSearch(query.q);
    if (folded.length < 2) throw invalidInput('Nhập ít nhất 2 ký tự để tìm kiếm.');
    const found = await store.units.search({
      folded,
      limit,
      ...(query.asOf ? { asOf: query.asOf } : {}),
      ...(query.withinId ? { withinId: query.withinId } : {}),
    });
    return withChildCounts(store, found, query.asOf);
  }
  const units = query.parentId ? await store.units.children(query.parentId, query.asOf) : await store.units.roots(query.asOf);
  return withChildCounts(store, units, query.asOf);
}

export interface UnitDetail {
  unit: Unit;
  ancestors: Unit[];
  children: UnitNode[];
  accounts: Array<{ id: number; username: string; displayName: string; role: 'officer' | 'reviewer' | 'admin' }>;
}

/** A unit's own page: guarded, because it shows the unit's accounts (and later its reports). */
export async function getUnitDetail(store: Store, user: SessionUser, unitId: number, asOf?: string): Promise<UnitDetail> {
  const unit = await assertUnitAccess(store, user, unitId, 'read');
  const [ancestors, children, accounts] = await Promise.all([
    store.units.ancestors(unit.id),
    store.units.children(unit.id, asOf),
    store.users.listByUnits([unit.id]),
  ]);
  return {
    unit,
    ancestors,
    children: await withChildCounts(store, children, asOf),
    accounts: accounts.map(({ id, username, displayName, role }) => ({ id, username, displayName, role })),
  };
}

/** Everything a reviewer oversees, as a flat list ordered parents first. */
export async function getUnitSubtree(store: Store, user: SessionUser, unitId: number, asOf?: string): Promise<Unit[]> {
  await assertUnitAccess(store, user, unitId, 'read');
  return store.units.subtree(unitId, asOf);
}
