import { sql } from 'kysely';
import type { ReportValue } from '../../domain/reports/report-values';
import type { Executor } from './executor';

export interface ReportRecord {
  id: number;
  unitId: number;
  templateId: string;
  templateVersion: string;
  periodId: string;
  windowFrom: string;
  windowTo: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  revision: number;
  updatedAt: string;
}

export type NewReport = Omit<ReportRecord, 'id' | 'status' | 'revision' | 'updatedAt'>;

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
        sql<string>`to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('updatedAt'),
      ]);
  }

  async findById(id: number): Promise<ReportRecord | undefined> {
    return this.select().where('id', '=', id).executeTakeFirst();
  }

  async find(unitId: number, templateId: string, periodId: string): Promise<ReportRecord | undefined> {
    return this.select().where('unit_id', '=', unitId).where('template_id', '=', templateId).where('period_id', '=', periodId).executeTakeFirst();
  }

  async listForUnits(unitIds: number[]): Promise<ReportRecord[]> {
    if (unitIds.length === 0) return [];
    return this.select().where('unit_id', 'in', unitIds).orderBy('window_to', 'desc').orderBy('id', 'desc').execute();
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
    return new Map(rows.map((r) => [r.row_id, { value: r.value, provenance: r.provenance, computed: r.computed, reason: r.reason }]));
  }

  /** Replaces the stored values and records the revision with what changed. */
  async saveValues(reportId: number, values: Map<string, ReportValue>, revision: { userId: number | null; action: string; changes: unknown }): Promise<number> {
    await this.db.deleteFrom('report_values').where('report_id', '=', reportId).execute();
    const rows = [...values.entries()].map(([rowId, v]) => ({
      report_id: reportId,
      row_id: rowId,
      value: v.value === null ? null : JSON.stringify(v.value),
      provenance: v.provenance,
      computed: v.computed === null ? null : JSON.stringify(v.computed),
      reason: v.reason,
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
}
