import { ROLE_LABELS } from '../domain/auth/role';
import { UNIT_LEVEL_LABELS, type Unit } from '../domain/units/unit';
import type { UserRecord } from '../store/repositories/users.repository';
import type { UnitDto, UserDto } from './schemas';

export function presentUnit(unit: Unit): UnitDto {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    level: unit.level,
    levelLabel: UNIT_LEVEL_LABELS[unit.level],
    parentId: unit.parentId,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
  };
}

export function presentUser(user: Pick<UserRecord, 'id' | 'username' | 'displayName' | 'role'> & { active?: boolean }, unit: Unit): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    unit: presentUnit(unit),
    active: user.active ?? true,
  };
}
