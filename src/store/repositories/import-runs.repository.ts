import { sql } from 'kysely';
import type { Executor } from './executor';

export interface ImportRunRecord {
  id: number;
  source: string;
  file: string;
  userId: number | null;
  /** The unit the import was made for (the importer's); null: the CLI. */
  unitId: number | null;
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
        unit_id: run.unitId,
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
        unitId: row.unit_id,
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

  /**
   * The mapping an import for a unit reads: the nearest one saved along `unitChain` (the unit
   * first, then its parents), else the installation-wide default; with its owner (null: default).
   */
  async findColumnMap(source: string, unitChain: number[]): Promise<{ unitId: number | null; columnMap: Record<string, string> } | undefined> {
    const rows = await this.db
      .selectFrom('import_sources')
      .select(['unit_id', 'column_map'])
      .where('name', '=', source)
      .where((eb) => (unitChain.length > 0 ? eb.or([eb('unit_id', 'in', unitChain), eb('unit_id', 'is', null)]) : eb('unit_id', 'is', null)))
      .execute();
    const rank = (unitId: number | null) => (unitId === null ? unitChain.length : unitChain.indexOf(unitId));
    const nearest = rows.sort((a, b) => rank(a.unit_id) - rank(b.unit_id))[0];
    return nearest && { unitId: nearest.unit_id, columnMap: nearest.column_map };
  }

  async getColumnMap(source: string, unitChain: number[]): Promise<Record<string, string>> {
    return (await this.findColumnMap(source, unitChain))?.columnMap ?? {};
  }

  /** Saves a unit's own mapping (null: the installation-wide default). */
  async saveColumnMap(source: string, unitId: number | null, map: Record<string, string>): Promise<void> {
    await this.db
      .insertInto('import_sources')
      .values({ name: source, unit_id: unitId, column_map: JSON.stringify(map) })
      .onConflict((oc) =>
        // The unique index import_sources_name_unit: one mapping per source and unit, one default (NULL).
        oc.expression(sql`name, (coalesce(unit_id, 0))`).doUpdateSet({ column_map: JSON.stringify(map), updated_at: new Date() }),
      )
      .execute();
  }
}
