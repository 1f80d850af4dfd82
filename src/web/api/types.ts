// Response shapes come from the server's zod schemas (type-only: nothing of the server is bundled).
import type { SessionDto, UnitDto, UnitNodeDto, UserDto } from '../../http/schemas';
import type { Role } from '../../domain/auth/role';

export type { Role };
export type Unit = UnitDto;
export type UnitNode = UnitNodeDto;
export type User = UserDto;
export type Session = SessionDto;
export type SessionUser = SessionDto['user'];

export interface UnitAccount {
  id: number;
  username: string;
  displayName: string;
  role: string;
}

export interface UnitDetail {
  unit: Unit;
  /** Nearest first. */
  ancestors: Unit[];
  children: UnitNode[];
  accounts: UnitAccount[];
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId: number;
}

export interface UserChanges {
  displayName?: string;
  active?: boolean;
  /** A new password set by the administrator (a reset). */
  password?: string;
  role?: Role;
  unitId?: number;
}
