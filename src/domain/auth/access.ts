import type { Role } from './role';

export type AccessMode = 'read' | 'write';

export interface Principal {
  userId: number;
  role: Role;
  unitId: number;
}

/**
 * Who may touch a unit's data. An officer works on its own unit only; a reviewer reads
 * and reviews its whole subtree; an admin manages its whole subtree.
 * `inSubtree` tells whether the target unit lies in the principal's unit subtree.
 */
export function mayAccessUnit(principal: Principal, targetUnitId: number, inSubtree: boolean, _mode: AccessMode): boolean {
  if (principal.role === 'officer') return targetUnitId === principal.unitId;
  return inSubtree;
}

export function mayManageUsers(principal: Principal): boolean {
  return principal.role === 'admin';
}
