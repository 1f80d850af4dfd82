import { sql } from 'kysely';
import type { ReportValue } from '../../domain/reports/report-values';
import type { ReportStatus, TransitionAction } from '../../domain/reports/workflow';
import type { Executor } from './executor';

export interface ReportRecord {
  id: number;
  unitId: number;
  templateId: string;
  templateVersion: string;
  periodId: string;
  windowFrom: string;
  windowTo: string;
  status: ReportStatus;
  /** Counts every saved change: the version checked by optimistic locking. */
  revision: number;
  /** How many times the report was reopened after approval to be corrected. */
  correction: number;
  updatedAt: string;
  /** Latest and first submission (UTC instants), approval instant. */
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  approvedAt: string | null;
}

export type NewReport = Omit<ReportRecord, 'id' | 'status' | 'revision' | 'correction' | 'updatedAt' | 'submittedAt' | 'firstSubmittedAt' | 'approvedAt'>;

export interface ReportEventRecord {
  id: number;
  reportId: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: TransitionAction;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  comment: string | null;
  correction: number;
  revision: number;
  /** A submission made before the data window ended: the reason given. */
  earlyReason: string | null;
}

/** What a submission, a return or an approval froze: the values and the document as they stood. */
export interface FrozenVersion {
  eventId: number;
  action: TransitionAction;
  at: string;
  comment: string | null;
  values: Map<string, ReportValue> | null;
  document: unknown;
}

/** Thrown when a report changed since the caller read it (optimistic locking). */
export class StaleReportError extends Error {
  constructor(readonly currentRevision: number) {
    super('stale report');
  }
}

const instant = (column: string) => sql<string | null>`to_char(${sql.ref(column)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export class ReportsRepository {
  constructor(private readonly db: Executor) {}

  private select() {
    return this.db
      .selectFrom('reports')
      .select([
        'id',
        'unit_id as unitId',
        'template_id as templateId',
        'template_version as templateVersion',
        'period_id as periodId',
        'window_from as windowFrom',
        'window_to as windowTo',
        'status',
        'revision',
        'correction',
        sql<string>`to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('updatedAt'),
        instant('submitted_at').as('submittedAt'),
        instant('first_submitted_at').as('firstSubmittedAt'),
        instant('approved_at').as('approvedAt'),
      ]);
  }

  async findById(id: number): Promise<ReportRecord | undefined> {
    return this.select().where('id', '=', id).executeTakeFirst();
  }

  async find(unitId: number, templateId: string, periodId: string): Promise<ReportRecord | undefined> {
    return this.select().where('unit_id', '=', unitId).where('template_id', '=', templateId).where('period_id', '=', periodId).executeTakeFirst();
  }

  /** The reports on one template for some periods, of the given units. */
  async listFor(unitIds: number[], templateId: string, periodIds: string[]): Promise<ReportRecord[]> {
    if (unitIds.length === 0 || periodIds.length === 0) return [];
    return this.select().where('unit_id', 'in', unitIds).where('template_id', '=', templateId).where('period_id', 'in', periodIds).execute();
  }

  async listForUnits(unitIds: number[]): Promise<ReportRecord[]> {
    if (unitIds.length === 0) return [];
    return this.select().where('unit_id', 'in', unitIds).orderBy('window_to', 'desc').orderBy('id', 'desc').execute();
  }

  /**
   * One page of the reports of some units, filtered by template, period and status, newest data
   * window first, with the number of all that match.
   */
  async browse(
    unitIds: number[],
    filter: { templateId?: string | undefined; periodId?: string | undefined; status?: ReportStatus | undefined },
    page: { offset: number; limit: number },
  ): Promise<{ items: Array<ReportRecord & { unitName: string }>; total: number }> {
    if (unitIds.length === 0) return { items: [], total: 0 };
    let where = this.db.selectFrom('reports as r').where('r.unit_id', 'in', unitIds);
    if (filter.templateId) where = where.where('r.template_id', '=', filter.templateId);
    if (filter.periodId) where = where.where('r.period_id', '=', filter.periodId);
    if (filter.status) where = where.where('r.status', '=', filter.status);
    const { total } = await where.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow();
    const rows = await where
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .select(['r.id', 'u.name as unitName'])
      .orderBy('r.window_to', 'desc')
      .orderBy('r.template_id')
      .orderBy('u.name')
      .orderBy('r.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    const records = rows.length === 0 ? [] : await this.select().where('id', 'in', rows.map((r) => r.id)).execute();
    const byId = new Map(records.map((r) => [r.id, r]));
    return { items: rows.map((r) => ({ ...byId.get(r.id)!, unitName: r.unitName })), total: Number(total) };
  }

  async insert(report: NewReport): Promise<ReportRecord> {
    const row = await this.db
      .insertInto('reports')
      .values({
        unit_id: report.unitId,
        template_id: report.templateId,
        template_version: report.templateVersion,
        period_id: report.periodId,
        window_from: report.windowFrom,
        window_to: report.windowTo,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.findById(row.id))!;
  }

  async values(reportId: number): Promise<Map<string, ReportValue>> {
    const rows = await this.db.selectFrom('report_values').selectAll().where('report_id', '=', reportId).execute();
    return new Map(rows.map((r) => [r.row_id, { value: r.value, provenance: r.provenance, computed: r.computed, reason: r.reason, parts: r.parts ?? null }]));
  }

  /** Replaces the stored values and records the revision with what changed. */
  async saveValues(
    reportId: number,
    values: Map<string, ReportValue>,
    revision: { userId: number | null; action: string; changes: unknown; expectedRevision?: number | undefined },
  ): Promise<number> {
    if (revision.expectedRevision !== undefined) await this.claim(reportId, revision.expectedRevision);
    await this.db.deleteFrom('report_values').where('report_id', '=', reportId).execute();
    const rows = [...values.entries()].map(([rowId, v]) => ({
      report_id: reportId,
      row_id: rowId,
      value: v.value === null ? null : JSON.stringify(v.value),
      provenance: v.provenance,
      computed: v.computed === null ? null : JSON.stringify(v.computed),
      reason: v.reason,
      parts: v.parts ? JSON.stringify(v.parts) : null,
    }));
    if (rows.length > 0) await this.db.insertInto('report_values').values(rows).execute();
    const updated = await this.db
      .updateTable('reports')
      .set({ revision: sql`revision + 1`, updated_at: sql`now()` })
      .where('id', '=', reportId)
      .returning('revision')
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto('report_revisions')
      .values({ report_id: reportId, revision: updated.revision, user_id: revision.userId, action: revision.action, changes: JSON.stringify(revision.changes) })
      .execute();
    return updated.revision;
  }

  async revisions(reportId: number) {
    return this.db.selectFrom('report_revisions').selectAll().where('report_id', '=', reportId).orderBy('revision').execute();
  }

  async justifications(reportId: number): Promise<Array<{ rule: string; rowId: string; text: string }>> {
    const rows = await this.db.selectFrom('report_justifications').selectAll().where('report_id', '=', reportId).execute();
    return rows.map((r) => ({ rule: r.rule, rowId: r.row_id, text: r.text }));
  }

  async saveJustification(reportId: number, rule: string, rowId: string, text: string): Promise<void> {
    await this.db
      .insertInto('report_justifications')
      .values({ report_id: reportId, rule, row_id: rowId, text })
      .onConflict((oc) => oc.columns(['report_id', 'rule', 'row_id']).doUpdateSet({ text }))
      .execute();
  }

  /**
   * Locks the report row for this transaction and checks that nobody saved it since the caller
   * read revision `expected`.
   */
  async claim(reportId: number, expected: number): Promise<void> {
    const revision = await this.lockRevision(reportId);
    if (revision !== expected) throw new StaleReportError(revision);
  }

  /** Locks the report row until the transaction ends and returns its current revision. */
  async lockRevision(reportId: number): Promise<number> {
    const row = await this.db.selectFrom('reports').select('revision').where('id', '=', reportId).forUpdate().executeTakeFirst();
    if (!row) throw new Error(`report ${reportId} not found`);
    return row.revision;
  }

  /** Moves the report to another status if it is still in `from`; records the event. */
  async transition(
    reportId: number,
    step: {
      from: ReportStatus;
      to: ReportStatus;
      action: TransitionAction;
      userId: number | null;
      comment: string | null;
      snapshot: unknown;
      reopen: boolean;
      earlyReason?: string | null | undefined;
      /** The document (meta and narrative) as it stood, frozen with the values. */
      document?: unknown;
    },
  ): Promise<ReportRecord> {
    const updated = await this.db
      .updateTable('reports')
      .set({
        // The revision counts changes of the data; a step of the workflow is an event, not one.
        status: step.to,
        updated_at: sql`now()`,
        ...(step.to === 'submitted' ? { submitted_at: sql`now()`, first_submitted_at: sql`coalesce(first_submitted_at, now())` } : {}),
        ...(step.to === 'approved' ? { approved_at: sql`now()` } : {}),
        ...(step.reopen ? { correction: sql`correction + 1`, approved_at: null, submitted_at: null } : {}),
      })
      .where('id', '=', reportId)
      .where('status', '=', step.from)
      .returning(['revision', 'correction'])
      .executeTakeFirst();
    if (!updated) throw new StaleReportError(-1);
    await this.db
      .insertInto('report_events')
      .values({
        report_id: reportId,
        user_id: step.userId,
        action: step.action,
        from_status: step.from,
        to_status: step.to,
        comment: step.comment,
        correction: updated.correction,
        revision: updated.revision,
        snapshot: step.snapshot === null ? null : JSON.stringify(step.snapshot),
        early_reason: step.earlyReason ?? null,
        document: step.document === undefined || step.document === null ? null : JSON.stringify(step.document),
      })
      .execute();
    return (await this.findById(reportId))!;
  }

  async events(reportId: number): Promise<ReportEventRecord[]> {
    const rows = await this.db
      .selectFrom('report_events as e')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .select([
        'e.id',
        'e.report_id as reportId',
        sql<string>`to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('at'),
        'e.user_id as userId',
        sql<string | null>`coalesce(${sql.ref('e.user_name')}, ${sql.ref('u.display_name')})`.as('userName'),
        'e.action',
        'e.from_status as fromStatus',
        'e.to_status as toStatus',
        'e.comment',
        'e.correction',
        'e.revision',
        'e.early_reason as earlyReason',
      ])
      .where('e.report_id', '=', reportId)
      .orderBy('e.id')
      .execute();
    return rows as ReportEventRecord[];
  }

  /** Every transition with what it froze, oldest first. */
  async frozenVersions(reportId: number): Promise<FrozenVersion[]> {
    const rows = await this.db
      .selectFrom('report_events')
      .select(['id', 'action', sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('at'), 'comment', 'snapshot', 'document'])
      .where('report_id', '=', reportId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      eventId: r.id,
      action: r.action,
      at: r.at,
      comment: r.comment,
      values: r.snapshot ? new Map(Object.entries(r.snapshot as Record<string, ReportValue>)) : null,
      document: r.document ?? null,
    }));
  }

  /** The values frozen by the latest approval, for a report reopened for correction. */
  async lastApprovedSnapshot(reportIds: number[]): Promise<Map<number, Map<string, ReportValue>>> {
    if (reportIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('report_events')
      .select(['report_id', 'snapshot'])
      .distinctOn('report_id')
      .where('report_id', 'in', reportIds)
      .where('action', '=', 'approve')
      .orderBy('report_id')
      .orderBy('id', 'desc')
      .execute();
    return new Map(rows.map((r) => [r.report_id, new Map(Object.entries((r.snapshot ?? {}) as Record<string, ReportValue>))]));
  }

  /** Values of many reports at once: report id → row id → value. */
  async valuesOf(reportIds: number[]): Promise<Map<number, Map<string, ReportValue>>> {
    const result = new Map<number, Map<string, ReportValue>>(reportIds.map((id) => [id, new Map()]));
    if (reportIds.length === 0) return result;
    const rows = await this.db.selectFrom('report_values').selectAll().where('report_id', 'in', reportIds).execute();
    for (const r of rows) {
      result.get(r.report_id)!.set(r.row_id, { value: r.value, provenance: r.provenance, computed: r.computed, reason: r.reason, parts: r.parts ?? null });
    }
    return result;
  }

  /** The audit trail of values: every saved change with who made it. */
  async history(reportId: number) {
    return this.db
      .selectFrom('report_revisions as r')
      .leftJoin('users as u', 'u.id', 'r.user_id')
      .select([
        'r.revision',
        sql<string>`to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('at'),
        'r.user_id as userId',
        sql<string | null>`coalesce(${sql.ref('r.user_name')}, ${sql.ref('u.display_name')})`.as('userName'),
        'r.action',
        'r.changes',
      ])
      .where('r.report_id', '=', reportId)
      .orderBy('r.revision', 'desc')
      .execute();
  }
}
