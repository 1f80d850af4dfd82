import { sql } from 'kysely';
import type { StaleFigure } from '../../domain/reports/stale-figures';
import type { Executor } from './executor';

export interface ReportDataCheck {
  computedRevision: number;
  checkedRevision: number | null;
  changes: StaleFigure[];
}

/**
 * Data revisions (migration 020): a unit's revision is raised by every statement writing its
 * dossiers; a report keeps the revision of its unit's subtree its figures were computed at.
 */
export class DataRevisionsRepository {
  constructor(private readonly db: Executor) {}

  /** The sum of the data revisions of a unit and every unit below it (monotonic: it moves when any of them does). */
  async subtreeRevision(unitId: number): Promise<number> {
    const result = await sql<{ total: string | number | null }>`
      WITH RECURSIVE s AS (
        SELECT id FROM units WHERE id = ${unitId}
        UNION ALL
        SELECT c.id FROM units c JOIN s ON c.parent_id = s.id
      )
      SELECT coalesce(sum(r.revision), 0) AS total FROM s JOIN unit_data_revisions r ON r.unit_id = s.id`.execute(this.db);
    return Number(result.rows[0]?.total ?? 0);
  }

  /** The subtree revisions of many units at once. */
  async subtreeRevisions(unitIds: readonly number[]): Promise<Map<number, number>> {
    const result = new Map<number, number>();
    for (const id of new Set(unitIds)) result.set(id, await this.subtreeRevision(id));
    return result;
  }

  async unitRevision(unitId: number): Promise<number> {
    const row = await this.db.selectFrom('unit_data_revisions').select('revision').where('unit_id', '=', unitId).executeTakeFirst();
    return Number(row?.revision ?? 0);
  }

  /** Records that the report's figures were computed at this revision (the comparison starts over). */
  async markComputed(reportId: number, revision: number): Promise<void> {
    await this.db
      .insertInto('report_data_checks')
      .values({ report_id: reportId, computed_revision: revision, checked_revision: revision, changes: '[]' })
      .onConflict((oc) => oc.column('report_id').doUpdateSet({ computed_revision: revision, checked_revision: revision, changes: '[]' }))
      .execute();
  }

  async checksOf(reportIds: readonly number[]): Promise<Map<number, ReportDataCheck>> {
    if (reportIds.length === 0) return new Map();
    const rows = await this.db.selectFrom('report_data_checks').selectAll().where('report_id', 'in', [...reportIds]).execute();
    return new Map(
      rows.map((r) => [
        r.report_id,
        {
          computedRevision: Number(r.computed_revision),
          checkedRevision: r.checked_revision === null ? null : Number(r.checked_revision),
          changes: (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as StaleFigure[],
        },
      ]),
    );
  }

  /** The comparison made at a revision. */
  async saveCheck(reportId: number, computedRevision: number, checkedRevision: number, changes: StaleFigure[]): Promise<void> {
    const json = JSON.stringify(changes);
    await this.db
      .insertInto('report_data_checks')
      .values({ report_id: reportId, computed_revision: computedRevision, checked_revision: checkedRevision, changes: json })
      .onConflict((oc) => oc.column('report_id').doUpdateSet({ checked_revision: checkedRevision, changes: json }))
      .execute();
  }
}
