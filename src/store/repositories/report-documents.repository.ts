import { sql } from 'kysely';
import type { Executor } from './executor';

export interface ReportDocumentRecord {
  reportId: number;
  /** Stored as written; the service validates it with DocumentMetaSchema. */
  meta: unknown;
  /** Stored as written; the service validates it with NarrativeSchema. */
  narrative: unknown;
  updatedAt: string;
}

export class ReportDocumentsRepository {
  constructor(private readonly db: Executor) {}

  async find(reportId: number): Promise<ReportDocumentRecord | undefined> {
    return this.db
      .selectFrom('report_documents')
      .select([
        'report_id as reportId',
        'meta',
        'narrative',
        // Milliseconds: the value is also the version an editor sends back (optimistic locking).
        sql<string>`to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('updatedAt'),
      ])
      .where('report_id', '=', reportId)
      .executeTakeFirst();
  }

  async save(reportId: number, document: { meta: unknown; narrative: unknown }, userId: number | null): Promise<void> {
    const meta = JSON.stringify(document.meta);
    const narrative = JSON.stringify(document.narrative);
    await this.db
      .insertInto('report_documents')
      .values({ report_id: reportId, meta, narrative, user_id: userId })
      .onConflict((oc) => oc.column('report_id').doUpdateSet({ meta, narrative, user_id: userId, updated_at: sql`now()` }))
      .execute();
  }
}
