import type { Selectable } from 'kysely';
import type { Procedure } from '../../domain/procedures/procedure';
import type { NewProcedure } from '../../domain/procedures/procedure-row';
import type { ProceduresTable } from '../schema';
import type { Executor } from './executor';

function toProcedure(row: Selectable<ProceduresTable>): Procedure {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    field: row.field,
    level: row.level,
    onlineMode: row.online_mode,
    statutoryDays: row.statutory_days,
    hasFee: row.has_fee,
    interconnected: row.interconnected,
  };
}

export class ProceduresRepository {
  constructor(private readonly db: Executor) {}

  async all(): Promise<Procedure[]> {
    return (await this.db.selectFrom('procedures').selectAll().orderBy('field').orderBy('code').execute()).map(toProcedure);
  }

  async findByCode(code: string): Promise<Procedure | undefined> {
    const row = await this.db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toProcedure(row);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('procedures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Inserts or updates by code; returns what happened to each. */
  async upsert(procedure: NewProcedure): Promise<'inserted' | 'updated' | 'unchanged'> {
    const existing = await this.findByCode(procedure.code);
    const values = {
      code: procedure.code,
      name: procedure.name,
      field: procedure.field,
      level: procedure.level,
      online_mode: procedure.onlineMode,
      statutory_days: procedure.statutoryDays,
      has_fee: procedure.hasFee,
      interconnected: procedure.interconnected,
    };
    if (!existing) {
      await this.db.insertInto('procedures').values(values).execute();
      return 'inserted';
    }
    const { id: _id, ...current } = existing;
    if (JSON.stringify(current) === JSON.stringify(procedure)) return 'unchanged';
    await this.db.updateTable('procedures').set({ ...values, updated_at: new Date() }).where('id', '=', existing.id).execute();
    return 'updated';
  }
}
