import { mayAccessUnit, type AccessMode } from '../../domain/auth/access';
import type { Unit } from '../../domain/units/unit';
import type { Repositories } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { forbidden, type AppError } from '../errors';

export const principalOf = (user: SessionUser) => ({ userId: user.id, role: user.role, unitId: user.unit.id });

/** The kinds of data a route addresses by id. */
export type Addressed = 'unit' | 'report' | 'dossier' | 'account' | 'import-run' | 'import-job' | 'calendar-day';

const NO_ACCESS: Record<Addressed, string> = {
  unit: 'Bạn không có quyền truy cập dữ liệu của đơn vị này.',
  report: 'Bạn không có quyền truy cập báo cáo này.',
  dossier: 'Bạn không có quyền truy cập hồ sơ này.',
  account: 'Bạn không có quyền quản lý tài khoản này.',
  'import-run': 'Bạn không có quyền tải kết quả nhập này.',
  'import-job': 'Bạn không có quyền xem lần nhập này.',
  'calendar-day': 'Bạn không có quyền sửa ngày này.',
};

/**
 * THE answer for an id that does not exist or lies outside the caller's scope: the same 403 and
 * the same message for both, so guessing ids reveals nothing (not even that an id exists). Every
 * route that takes an id answers through this; `src/http/authorization-matrix.test.ts` checks it
 * route by route.
 */
export function noAccess(what: Addressed = 'unit'): AppError {
  return forbidden(NO_ACCESS[what]);
}

/**
 * The one gate for unit-scoped data. An unknown id answers exactly like a forbidden one
 * (`noAccess`), so guessing ids reveals nothing; `what` names the data the caller addressed
 * (a report's unit answers as the report).
 */
export async function assertUnitAccess(repos: Repositories, user: SessionUser, unitId: number, mode: AccessMode, what: Addressed = 'unit'): Promise<Unit> {
  const unit = await repos.units.findById(unitId);
  const inSubtree = unit ? await repos.units.isInSubtree(user.unit.id, unitId) : false;
  if (!unit || !mayAccessUnit(principalOf(user), unitId, inSubtree, mode)) throw noAccess(what);
  return unit;
}
