import type { PeriodKind } from '../../domain/period';
import type { Executor } from './executor';

export interface ObligationRecord {
  id: number;
  unitId: number;
  templateId: string;
  periodKinds: Exclude<PeriodKind, 'custom'>[];
  deadlineDays: number;
}

/** Which units report which template for which periods, and when it is due. */
export class ReportingObligationsRepository {
  constructor(private readonly db: Executor) {}

  private select() {
    return this.db
      .selectFrom('reporting_obligations')
      .select(['id', 'unit_id as unitId', 'template_id as templateId', 'period_kinds as periodKinds', 'deadline_days as deadlineDays']);
  }

  async list(unitIds?: number[]): Promise<ObligationRecord[]> {
    let query = this.select();
    if (unitIds) {
      if (unitIds.length === 0) return [];
      query = query.where('unit_id', 'in', unitIds);
    }
    return (await query.orderBy('template_id').orderBy('unit_id').execute()) as ObligationRecord[];
  }

  async findById(id: number): Promise<ObligationRecord | undefined> {
    return (await this.select().where('id', '=', id).executeTakeFirst()) as ObligationRecord | undefined;
  }

  /** Creates or replaces the obligation a unit sets for a template. */
  async upsert(input: Omit<ObligationRecord, 'id'>, userId: number | null): Promise<ObligationRecord> {
    const kinds = JSON.stringify(input.periodKinds);
    const row = await this.db
      .insertInto('reporting_obligations')
      .values({ unit_id: input.unitId, template_id: input.templateId, period_kinds: kinds, deadline_days: input.deadlineDays, user_id: userId })
      .onConflict((oc) => oc.columns(['unit_id', 'template_id']).doUpdateSet({ period_kinds: kinds, deadline_days: input.deadlineDays, user_id: userId }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.findById(row.id))!;
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('reporting_obligations').where('id', '=', id).execute();
  }
}
