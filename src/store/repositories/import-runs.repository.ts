import type { Executor } from './executor';

export interface ImportRunRecord {
  id: number;
  source: string;
  file: string;
  userId: number | null;
  startedAt: Date;
  finishedAt: Date | null;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  headers: string[];
  errors: unknown[];
  rejectedRows: Array<{ line: number; cells: string[] }>;
}

export class ImportRunsRepository {
  constructor(private readonly db: Executor) {}

  async record(run: Omit<ImportRunRecord, 'id' | 'startedAt'>): Promise<number> {
    const row = await this.db
      .insertInto('import_runs')
      .values({
        source: run.source,
        file: run.file,
        user_id: run.userId,
        finished_at: run.finishedAt,
        inserted: run.inserted,
        updated: run.updated,
        unchanged: run.unchanged,
        rejected: run.rejected,
        headers: JSON.stringify(run.headers),
        errors: JSON.stringify(run.errors),
        rejected_rows: JSON.stringify(run.rejectedRows),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async findById(id: number): Promise<ImportRunRecord | undefined> {
    const row = await this.db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return (
      row && {
        id: row.id,
        source: row.source,
        file: row.file,
        userId: row.user_id,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        inserted: row.inserted,
        updated: row.updated,
        unchanged: row.unchanged,
        rejected: row.rejected,
        headers: row.headers,
        errors: row.errors,
        rejectedRows: row.rejected_rows as ImportRunRecord['rejectedRows'],
      }
    );
  }

  async getColumnMap(source: string): Promise<Record<string, string>> {
    const row = await this.db.selectFrom('import_sources').select('column_map').where('name', '=', source).executeTakeFirst();
    return row?.column_map ?? {};
  }

  async saveColumnMap(source: string, map: Record<string, string>): Promise<void> {
    await this.db
      .insertInto('import_sources')
      .values({ name: source, column_map: JSON.stringify(map) })
      .onConflict((oc) => oc.column('name').doUpdateSet({ column_map: JSON.stringify(map), updated_at: new Date() }))
      .execute();
  }
}
