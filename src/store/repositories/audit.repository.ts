import { sql } from 'kysely';
import { currentAuditScope, type AuditActor } from '../audit/audit-scope';
import type { AuditChannel, AuditOutcome } from '../schema';
import type { Executor } from './executor';

export type { AuditActor };

export interface AuditEntry {
  /** The account that acted; its name and unit are copied as they are now. */
  userId: number | null;
  action: string;
  subject?: string;
  details?: unknown;
  /** The unit whose data the event concerns (who may read the event); default: the actor's unit. */
  unitId?: number | null;
  outcome?: AuditOutcome;
  /** HTTP status or exit code. */
  status?: number;
  /** Without a user id: who acted (the CLI's operator, an unknown login name). */
  actor?: AuditActor;
  channel?: AuditChannel;
  method?: string;
  route?: string;
  requestId?: string;
  ip?: string;
}

export interface AuditRecord {
  id: number;
  at: string;
  action: string;
  outcome: AuditOutcome;
  channel: AuditChannel;
  status: number | null;
  subject: string | null;
  details: unknown;
  userId: number | null;
  actorUsername: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorUnit: { id: number; code: string | null; name: string | null } | null;
  unit: { id: number; code: string | null; name: string | null } | null;
  method: string | null;
  route: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditFilter {
  /** Only events about, or done by someone of, this unit's subtree (the reader's scope). */
  withinUnitId?: number;
  /** Narrower: only events about or by this unit's subtree. */
  unitId?: number;
  username?: string;
  /** An action, or a prefix ending with "." ("report." for every report event). */
  action?: string;
  outcome?: AuditOutcome;
  /** Dates (YYYY-MM-DD) in Vietnam time, inclusive. */
  from?: string;
  to?: string;
  /** Keyset paging: only events older than this id. */
  beforeId?: number;
  limit: number;
}

const subtreeOf = (rootId: number) => sql`(
  WITH RECURSIVE s AS (
    SELECT id FROM units WHERE id = ${rootId}
    UNION ALL
    SELECT c.id FROM units c JOIN s ON c.parent_id = s.id
  ) SELECT id FROM s)`;

/** Events about the unit's subtree, or done by someone of it. */
const aboutOrBy = (rootId: number) => sql<boolean>`(a.unit_id IN ${subtreeOf(rootId)} OR a.actor_unit_id IN ${subtreeOf(rootId)})`;

/** The audit trail. Append-only: there is no update or delete here, and the database refuses them. */
export class AuditRepository {
  constructor(private readonly db: Executor) {}

  async record(entry: AuditEntry): Promise<void> {
    const scope = currentAuditScope();
    if (scope) scope.recorded = true;
    const userId = entry.userId ?? (entry.actor ? null : (scope?.actorUserId ?? null));
    const actor = userId === null ? (entry.actor ?? scope?.actor) : undefined;
    await this.db
      .insertInto('audit_log')
      .values({
        user_id: userId,
        action: entry.action,
        subject: entry.subject ?? null,
        details: entry.details === undefined ? null : JSON.stringify(entry.details),
        outcome: entry.outcome ?? 'ok',
        channel: entry.channel ?? scope?.channel ?? 'system',
        status: entry.status ?? null,
        ...(entry.unitId !== undefined && entry.unitId !== null ? { unit_id: entry.unitId } : {}),
        ...(actor
          ? {
              actor_username: actor.username,
              actor_name: actor.name,
              actor_role: actor.role ?? null,
              actor_unit_id: actor.unitId ?? null,
              actor_unit_code: actor.unitCode ?? null,
              actor_unit_name: actor.unitName ?? null,
            }
          : {}),
        method: entry.method ?? scope?.method ?? null,
        route: entry.route ?? scope?.route ?? null,
        request_id: entry.requestId ?? scope?.requestId ?? null,
        ip: entry.ip ?? scope?.ip ?? null,
      })
      .execute();
  }

  /** Newest first. */
  async list(filter: AuditFilter | number = 100): Promise<AuditRecord[]> {
    const f: AuditFilter = typeof filter === 'number' ? { limit: filter } : filter;
    let query = this.db.selectFrom('audit_log as a').selectAll('a').select(sql<string>`to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('at_iso'));
    if (f.withinUnitId !== undefined) {
      query = query.where(aboutOrBy(f.withinUnitId));
    }
    if (f.unitId !== undefined) {
      query = query.where(aboutOrBy(f.unitId));
    }
    if (f.username) query = query.where('a.actor_username', '=', f.username);
    if (f.action) query = f.action.endsWith('.') ? query.where('a.action', 'like', `${f.action.replace(/[\\%_]/g, '\\$&')}%`) : query.where('a.action', '=', f.action);
    if (f.outcome) query = query.where('a.outcome', '=', f.outcome);
    if (f.from) query = query.where(sql<boolean>`a.at >= (${f.from}::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
    if (f.to) query = query.where(sql<boolean>`a.at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
    if (f.beforeId !== undefined) query = query.where('a.id', '<', f.beforeId);
    const rows = await query.orderBy('a.id', 'desc').limit(f.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at_iso,
      action: r.action,
      outcome: r.outcome,
      channel: r.channel,
      status: r.status,
      subject: r.subject,
      details: r.details,
      userId: r.user_id,
      actorUsername: r.actor_username,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      actorUnit: r.actor_unit_id === null ? null : { id: r.actor_unit_id, code: r.actor_unit_code, name: r.actor_unit_name },
      unit: r.unit_id === null ? null : { id: r.unit_id, code: r.unit_code, name: r.unit_name },
      method: r.method,
      route: r.route,
      requestId: r.request_id,
      ip: r.ip,
    }));
  }
}
