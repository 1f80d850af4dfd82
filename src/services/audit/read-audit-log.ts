import { mayManageUsers } from '../../domain/auth/access';
import type { AuditFilter, AuditRecord } from '../../store/repositories/audit.repository';
import type { AuditOutcome } from '../../store/schema';
import type { Store } from '../../store/store';
import { assertUnitAccess, principalOf } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { forbidden } from '../errors';

export const AUDIT_PAGE_MAX = 500;

export interface AuditLogQuery {
  /** Only events about or by this unit's subtree. */
  unitId?: number;
  username?: string;
  /** An action, or a prefix ending with "." */
  action?: string;
  outcome?: AuditOutcome;
  /** Dates (YYYY-MM-DD) in Vietnam time, inclusive. */
  from?: string;
  to?: string;
  beforeId?: number;
  limit?: number;
}

export interface AuditLogPage {
  events: AuditRecord[];
  /** Pass as beforeId for the next (older) page; null at the end. */
  nextBeforeId: number | null;
}

/**
 * The audit trail as its reader may see it: an admin reads the events about, or done by someone
 * of, their unit's subtree; the operator at the terminal (no account) reads everything,
 * including sign-in attempts with names no account has.
 */
export async function readAuditLog(store: Store, reader: SessionUser | null, query: AuditLogQuery): Promise<AuditLogPage> {
  if (reader && !mayManageUsers(principalOf(reader))) throw forbidden('Chỉ quản trị viên được xem nhật ký hoạt động.');
  if (reader && query.unitId !== undefined) await assertUnitAccess(store, reader, query.unitId, 'read');
  const limit = Math.min(Math.max(query.limit ?? 100, 1), AUDIT_PAGE_MAX);
  const filter: AuditFilter = {
    ...(reader ? { withinUnitId: reader.unit.id } : {}),
    ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
    ...(query.username ? { username: query.username.trim().toLowerCase() } : {}),
    ...(query.action ? { action: query.action.trim() } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.beforeId !== undefined ? { beforeId: query.beforeId } : {}),
    limit: limit + 1,
  };
  const rows = await store.audit.list(filter);
  const events = rows.slice(0, limit);
  return { events, nextBeforeId: rows.length > limit ? events[events.length - 1]!.id : null };
}
