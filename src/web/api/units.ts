import { api } from './client';
import type { Unit, UnitDetail, UnitNode } from './types';

export interface UnitQuery {
  parentId?: number;
  q?: string;
  asOf?: string;
  withinId?: number;
  limit?: number;
}

/** The public directory: provinces (no parentId/q), children of a unit, or a name search. */
export const listUnits = async (query: UnitQuery, signal?: AbortSignal): Promise<UnitNode[]> =>
  (await api.get<{ units: UnitNode[] }>('/api/units', { query: { ...query }, ...(signal ? { signal } : {}) })).units;

/** A unit's own page; 403 outside the user's scope. */
export const getUnitDetail = (unitId: number, asOf?: string, signal?: AbortSignal) =>
  api.get<UnitDetail>(`/api/units/${unitId}`, { query: { asOf }, ...(signal ? { signal } : {}) });

export const getUnitSubtree = async (unitId: number, asOf?: string): Promise<Unit[]> =>
  (await api.get<{ units: Unit[] }>(`/api/units/${unitId}/subtree`, { query: { asOf } })).units;
