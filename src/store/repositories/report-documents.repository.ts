import { sql } from 'kysely';
import type { Executor } from './executor';

export interface ReportDocumentRecord {
  reportId: number;
  /** Stored as written; the service validates it with DocumentMetaSchema. */
  meta: unknown;
  /** Stored as written; the service validates it with NarrativeSchema. */
  narrative: unknown;
  updatedAt: string;
  /** 1 for the first save, raised by one on every save. */
  revision: number;
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
        'revision',
        sql<string>`to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('updatedAt'),
      ])
      .where('report_id', '=', reportId)
      .executeTakeFirst();
  }

  /**
   * Saves the document and returns its new revision. With `expectedRevision` (0: never saved) the
   * save happens only if the stored revision is still that one, in one statement, and returns
   * null otherwise: of concurrent saves from the same revision exactly one succeeds.
   */
  async save(
    reportId: number,
    document: { meta: unknown; narrative: unknown },
    userId: number | null,
    expectedRevision?: number,
  ): Promise<number | null> {
    const meta = JSON.stringify(document.meta);
    const narrative = JSON.stringify(document.narrative);
    if (expectedRevision === undefined) {
      const row = await this.db
        .insertInto('report_documents')
        .values({ report_id: reportId, meta, narrative, user_id: userId })
        .onConflict((oc) =>
          oc.column('report_id').doUpdateSet({ meta, narrative, user_id: userId, updated_at: sql`now()`, revision: sql`report_documents.revision + 1` }),
        )
        .returning('revision')
        .executeTakeFirstOrThrow();
      return row.revision;
    }
    if (expectedRevision === 0) {
      const row = await this.db
        .insertInto('report_documents')
        .values({ report_id: reportId, meta, narrative, user_id: userId })
        .onConflict((oc) => oc.column('report_id').doNothing())
        .returning('revision')
        .executeTakeFirst();
      return row?.revision ?? null;
    }
    const row = await this.db
      .updateTable('report_documents')
      .set({ meta, narrative, user_id: userId, updated_at: sql`now()`, revision: sql`revision + 1` })
      .where('report_id', '=', reportId)
      .where('revision', '=', expectedRevision)
      .returning('revision')
      .executeTakeFirst();
    return row?.revision ?? null;
  }
}
