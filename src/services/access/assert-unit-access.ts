import { mayAccessUnit, type AccessMode } from '../../domain/auth/access';
import type { Unit } from '../../domain/units/unit';
import type { Repositories } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { forbidden } from '../errors';

export const principalOf = (user: SessionUser) => ({ userId: user.id, role: user.role, unitId: user.unit.id });

/**
 * The one gate for unit-scoped data. An unknown id answers exactly like a forbidden one,
 * so guessing ids reveals nothing.
 */
export async function assertUnitAccess(repos: Repositories, user: SessionUser, unitId: number, mode: AccessMode): Promise<Unit> {
  const unit = await repos.units.findById(unitId);
  const inSubtree = unit ? await repos.units.isInSubtree(user.unit.id, unitId) : false;
  if (!unit || !mayAccessUnit(principalOf(user), unitId, inSubtree, mode)) {
    throw forbidden('Bạn không có quyền truy cập dữ liệu của đơn vị này.');
  }
  return unit;
}
