import { sql, type Selectable } from 'kysely';
import type { CalendarOverridesTable } from '../schema';
import type { Executor } from './executor';

export interface CalendarOverrideRecord {
  id: number;
  date: string;
  kind: CalendarOverridesTable['kind'];
  reason: string;
  legalRef: string | null;
  provinceCode: string;
  unitCode: string | null;
  createdBy: number | null;
}

function toRecord(row: Selectable<CalendarOverridesTable>): CalendarOverrideRecord {
  return {
    id: row.id,
    date: row.day,
    kind: row.kind,
    reason: row.reason,
    legalRef: row.legal_ref,
    provinceCode: row.province_code,
    unitCode: row.unit_code,
    createdBy: row.created_by,
  };
}

export type NewCalendarOverride = Omit<CalendarOverrideRecord, 'id'>;

export class CalendarOverridesRepository {
  constructor(private readonly db: Executor) {}

  async listForProvince(provinceCode: string, year?: number): Promise<CalendarOverrideRecord[]> {
    let query = this.db.selectFrom('calendar_overrides').selectAll().where('province_code', '=', provinceCode);
    if (year !== undefined) query = query.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
    return (await query.orderBy('day').orderBy(sql`unit_code NULLS FIRST`).execute()).map(toRecord);
  }

  async findById(id: number): Promise<CalendarOverrideRecord | undefined> {
    const row = await this.db.selectFrom('calendar_overrides').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** One entry per day and scope: setting a day again replaces it. */
  async upsert(entry: NewCalendarOverride): Promise<{ record: CalendarOverrideRecord; previous?: CalendarOverrideRecord }> {
    const existing = await this.db
      .selectFrom('calendar_overrides')
      .selectAll()
      .where('day', '=', entry.date)
      .where('province_code', '=', entry.provinceCode)
      .where(sql<boolean>`coalesce(unit_code, '') = ${entry.unitCode ?? ''}`)
      .executeTakeFirst();
    const values = {
      day: entry.date,
      kind: entry.kind,
      reason: entry.reason,
      legal_ref: entry.legalRef,
      province_code: entry.provinceCode,
      unit_code: entry.unitCode,
      created_by: entry.createdBy,
    };
    if (existing) {
      const row = await this.db
        .updateTable('calendar_overrides')
        .set({ ...values, updated_at: sql`now()` })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { record: toRecord(row), previous: toRecord(existing) };
    }
    const row = await this.db.insertInto('calendar_overrides').values(values).returningAll().executeTakeFirstOrThrow();
    return { record: toRecord(row) };
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('calendar_overrides').where('id', '=', id).execute();
  }
}
