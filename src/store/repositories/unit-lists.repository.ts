import type { Selectable } from 'kysely';
import type { IsoDate } from '../../domain/calendar/plain-date';
import { noFlags, PROCEDURE_FLAGS, type NewUnitProcedure, type ProcedureFlag, type UnitProcedure } from '../../domain/procedures/unit-procedure';
import type { FieldValue, NewRegisterEntry, RegisterEntry, RegisterKind } from '../../domain/registers/registers';
import type { RegisterEntriesTable, UnitProceduresTable } from '../schema';
import type { Executor } from './executor';

function toProcedure(row: Selectable<UnitProceduresTable>): UnitProcedure {
  const stored = (row.flags ?? {}) as Partial<Record<ProcedureFlag, boolean>>;
  const flags = noFlags();
  for (const flag of PROCEDURE_FLAGS) flags[flag] = stored[flag] === true;
  return {
    id: row.id,
    unitId: row.unit_id,
    code: row.code,
    name: row.name,
    field: row.field,
    level: row.level,
    onlineMode: row.online_mode,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    decision: row.decision,
    flags,
  };
}

function toEntry(row: Selectable<RegisterEntriesTable>): RegisterEntry {
  return { id: row.id, unitId: row.unit_id, register: row.register, startDay: row.start_day, endDay: row.end_day, data: (row.data ?? {}) as Record<string, FieldValue> };
}

const procedureColumns = (p: NewUnitProcedure) => ({
  code: p.code,
  name: p.name,
  field: p.field,
  level: p.level,
  online_mode: p.onlineMode,
  valid_from: p.validFrom,
  valid_to: p.validTo,
  decision: p.decision,
  flags: JSON.stringify(p.flags),
});

/** The unit's procedure list and registers (what a unit keeps once and every report reads). */
export class UnitListsRepository {
  constructor(private readonly db: Executor) {}

  /** Every version of every procedure of the unit, by code then validity. */
  async procedures(unitId: number): Promise<UnitProcedure[]> {
    const rows = await this.db.selectFrom('unit_procedures').selectAll().where('unit_id', '=', unitId).orderBy('code').orderBy('valid_from').execute();
    return rows.map(toProcedure);
  }

  async procedure(id: number): Promise<UnitProcedure | undefined> {
    const row = await this.db.selectFrom('unit_procedures').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProcedure(row);
  }

  /** Inserts or updates the version keyed by unit, code and first day in force. */
  async upsertProcedure(unitId: number, p: NewUnitProcedure): Promise<{ id: number; outcome: 'inserted' | 'updated' | 'unchanged' }> {
    const existing = await this.db
      .selectFrom('unit_procedures')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('code', '=', p.code)
      .where('valid_from', '=', p.validFrom)
      .executeTakeFirst();
    if (!existing) {
      const row = await this.db.insertInto('unit_procedures').values({ unit_id: unitId, ...procedureColumns(p) }).returning('id').executeTakeFirstOrThrow();
      return { id: row.id, outcome: 'inserted' };
    }
    const { id: _id, unitId: _unit, ...current } = toProcedure(existing);
    if (JSON.stringify(current) === JSON.stringify({ ...p, flags: { ...noFlags(), ...p.flags } })) return { id: existing.id, outcome: 'unchanged' };
    await this.db.updateTable('unit_procedures').set({ ...procedureColumns(p), updated_at: new Date() }).where('id', '=', existing.id).execute();
    return { id: existing.id, outcome: 'updated' };
  }

  async updateProcedure(id: number, p: NewUnitProcedure): Promise<void> {
    await this.db.updateTable('unit_procedures').set({ ...procedureColumns(p), updated_at: new Date() }).where('id', '=', id).execute();
  }

  async setProcedureEnd(id: number, validTo: IsoDate): Promise<void> {
    await this.db.updateTable('unit_procedures').set({ valid_to: validTo, updated_at: new Date() }).where('id', '=', id).execute();
  }

  async deleteProcedure(id: number): Promise<void> {
    await this.db.deleteFrom('unit_procedures').where('id', '=', id).execute();
  }

  async entries(unitId: number, register?: RegisterKind): Promise<RegisterEntry[]> {
    let query = this.db.selectFrom('register_entries').selectAll().where('unit_id', '=', unitId);
    if (register) query = query.where('register', '=', register);
    return (await query.orderBy('register').orderBy('start_day').orderBy('id').execute()).map(toEntry);
  }

  async entry(id: number): Promise<RegisterEntry | undefined> {
    const row = await this.db.selectFrom('register_entries').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toEntry(row);
  }

  async insertEntry(unitId: number, register: RegisterKind, entry: NewRegisterEntry): Promise<number> {
    const row = await this.db
      .insertInto('register_entries')
      .values({ unit_id: unitId, register, start_day: entry.startDay, end_day: entry.endDay, data: JSON.stringify(entry.data) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateEntry(id: number, entry: NewRegisterEntry): Promise<void> {
    await this.db
      .updateTable('register_entries')
      .set({ start_day: entry.startDay, end_day: entry.endDay, data: JSON.stringify(entry.data), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  async deleteEntry(id: number): Promise<void> {
    await this.db.deleteFrom('register_entries').where('id', '=', id).execute();
  }

  /** Removes a unit's whole register (an import replaces it). */
  async clearRegister(unitId: number, register: RegisterKind): Promise<number> {
    const result = await this.db.deleteFrom('register_entries').where('unit_id', '=', unitId).where('register', '=', register).executeTakeFirst();
    return Number(result.numDeletedRows ?? 0);
  }

  /** Dossiers received by a unit within a window, per procedure code: all and online. */
  async dossiersByProcedure(unitId: number, from: IsoDate, to: IsoDate): Promise<Map<string, { received: number; online: number }>> {
    const rows = await this.db
      .selectFrom('dossier_facts')
      .innerJoin('procedures', 'procedures.id', 'dossier_facts.procedure_id')
      .select((eb) => [
        'procedures.code as code',
        eb.fn.sum<string>('dossier_facts.received').as('received'),
        eb.fn.sum<string>(eb.case().when('dossier_facts.channel', '=', 'online').then(eb.ref('dossier_facts.received')).else(0).end()).as('online'),
      ])
      .where('dossier_facts.unit_id', '=', unitId)
      .where('dossier_facts.day', '>=', from)
      .where('dossier_facts.day', '<=', to)
      .groupBy('procedures.code')
      .execute();
    return new Map(rows.map((r) => [r.code, { received: Number(r.received ?? 0), online: Number(r.online ?? 0) }]));
  }
}
