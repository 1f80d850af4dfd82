import type { Capacity } from '../../domain/reports/workflow';
import type { Repositories } from '../../store/store';
import type { SessionUser } from '../auth/session-user';

/**
 * What a signed-in person may do with a unit's reports: write them (the unit's officer, or an
 * administrator above it) and review them (a reviewer or administrator of a unit above — nobody
 * approves their own unit's report).
 */
export async function capacityOf(repos: Repositories, user: SessionUser | null, reportUnitId: number): Promise<Capacity> {
  if (!user) return { author: false, reviewer: false };
  const inSubtree = await repos.units.isInSubtree(user.unit.id, reportUnitId);
  return {
    author: (user.role === 'officer' && user.unit.id === reportUnitId) || (user.role === 'admin' && inSubtree),
    reviewer: (user.role === 'reviewer' || user.role === 'admin') && inSubtree && user.unit.id !== reportUnitId,
  };
}
