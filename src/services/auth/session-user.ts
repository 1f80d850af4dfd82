import type { Role } from '../../domain/auth/role';
import type { Unit } from '../../domain/units/unit';

/** The signed-in account as the rest of the system sees it. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unit: Unit;
}
