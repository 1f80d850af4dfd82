import type { Unit } from '../api/types';
import { getUnitDetail } from '../api/units';
import { useApiQuery } from '../hooks/useApiQuery';

/** The unit a page looks at: the user's own, or one of its subtree known by its id (from the address). */
export function useChosenUnit(home: Unit, unitId: number): Unit | null {
  const other = unitId !== home.id;
  const lookup = useApiQuery(other ? (signal) => getUnitDetail(unitId, undefined, signal) : null, [other, unitId]);
  return other ? (lookup.data?.unit ?? null) : home;
}

/** The unit id of `?donVi=`, or the user's own unit. */
export function unitIdFrom(param: string | null, home: Unit): number {
  const id = Number(param);
  return Number.isInteger(id) && id > 0 ? id : home.id;
}
