import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { DossiersTable } from '../schema';
import type { DossierForFacts, FactRow } from '../../domain/dossiers/facts';
import { FACT_COLUMNS } from '../../domain/dossiers/facts';
import type { Executor } from './executor';

/** A dossier row as written by an import or the desk. Instants are ISO strings with an offset. */
export interface DossierWrite {
  source: string;
  code: string;
  unitId: number;
  procedureId: number;
  channel: 'direct' | 'online' | 'postal';
  onlineMode: DossierForFacts['onlineMode'];
  state: DossierForFacts['state'];
  receivedAt: string;
  receivedDay: string;
  dueAt: string | null;
  dueDay: string | null;
  dueFromSource: boolean;
  resultAt: string | null;
  deliveredAt: string | null;
  finishDay: string | null;
  digitizedInput: boolean;
  digitizedOutput: boolean;
  hasFee: boolean;
  paidOnline: boolean;
  rating: DossierForFacts['rating'];
  contentHash: string;
}

export interface StoredDossierFacts extends DossierForFacts {
  id: number;
  code: string;
  contentHash: string;
}

export interface DossierEventWrite {
  dossierId: number;
  at: string;
  kind: string;
  actor: string;
  note: string | null;
}

const column = <T>(rows: T[], pick: (row: T) => unknown) => rows.map(pick);

/** The stored columns of a dossier row, in the order `dossierArrays` gives them. */
export const DOSSIER_WRITE_COLUMNS = [
  'source', 'code', 'unit_id', 'procedure_id', 'channel', 'online_mode', 'state', 'received_at', 'received_day', 'due_at', 'due_day',
  'due_from_source', 'result_at', 'delivered_at', 'finish_day', 'digitized_input', 'digitized_output', 'has_fee', 'paid_online',
  'rating', 'content_hash',
] as const;

/** Dossier rows as one typed array per column (in DOSSIER_WRITE_COLUMNS order), for `SELECT * FROM unnest(…)`. */
export function dossierArrays(rows: DossierWrite[]): RawBuilder<unknown> {
  return sql.join([
    sql`${column(rows, (r) => r.source)}::text[]`, sql`${column(rows, (r) => r.code)}::text[]`,
    sql`${column(rows, (r) => r.unitId)}::int[]`, sql`${column(rows, (r) => r.procedureId)}::int[]`,
    sql`${column(rows, (r) => r.channel)}::text[]`, sql`${column(rows, (r) => r.onlineMode)}::text[]`,
    sql`${column(rows, (r) => r.state)}::text[]`,
    sql`${column(rows, (r) => r.receivedAt)}::timestamptz[]`, sql`${column(rows, (r) => r.receivedDay)}::date[]`,
    sql`${column(rows, (r) => r.dueAt)}::timestamptz[]`, sql`${column(rows, (r) => r.dueDay)}::date[]`,
    sql`${column(rows, (r) => r.dueFromSource)}::boolean[]`, sql`${column(rows, (r) => r.resultAt)}::timestamptz[]`,
    sql`${column(rows, (r) => r.deliveredAt)}::timestamptz[]`, sql`${column(rows, (r) => r.finishDay)}::date[]`,
    sql`${column(rows, (r) => r.digitizedInput)}::boolean[]`, sql`${column(rows, (r) => r.digitizedOutput)}::boolean[]`,
    sql`${column(rows, (r) => r.hasFee)}::boolean[]`, sql`${column(rows, (r) => r.paidOnline)}::boolean[]`,
    sql`${column(rows, (r) => r.rating)}::text[]`, sql`${column(rows, (r) => r.contentHash)}::text[]`,
  ]);
}

export interface DossierRecord extends Omit<DossierWrite, 'contentHash'> {
  id: number;
  /** When the store last changed the row (an import's newer export, a desk step). */
  updatedAt?: string;
}

export interface DossierEventRecord {
  id: number;
  at: string;
  kind: string;
  actor: string;
  note: string | null;
}

export interface DossierFilter {
  unitIds: number[];
  field?: string;
  procedureId?: number;
  channel?: DossiersTable['channel'];
  state?: DossiersTable['state'];
  /** Only dossiers open and past their appointment day on this day. */
  overdueOn?: string;
  receivedFrom?: string;
  receivedTo?: string;
  code?: string;
  page: number;
  pageSize: number;
}

export interface DossierListItem {
  id: number;
  source: string;
  code: string;
  unitId: number;
  unitName: string;
  procedureId: number;
  procedureCode: string;
  procedureName: string;
  field: string;
  channel: string;
  state: string;
  receivedAt: string;
  dueAt: string | null;
  dueDay: string | null;
  resultAt: string | null;
  finishDay: string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toRecord(row: Selectable<DossiersTable>): DossierRecord {
  return {
    id: row.id,
    source: row.source,
    code: row.code,
    unitId: row.unit_id,
    procedureId: row.procedure_id,
    channel: row.channel,
    onlineMode: row.online_mode,
    state: row.state,
    receivedAt: iso(row.received_at)!,
    receivedDay: row.received_day,
    dueAt: iso(row.due_at),
    dueDay: row.due_day,
    dueFromSource: row.due_from_source,
    resultAt: iso(row.result_at),
    deliveredAt: iso(row.delivered_at),
    finishDay: row.finish_day,
    digitizedInput: row.digitized_input,
    digitizedOutput: row.digitized_output,
    hasFee: row.has_fee,
    paidOnline: row.paid_online,
    rating: row.rating,
    updatedAt: iso(row.updated_at)!,
  };
}

export class DossiersRepository {
  constructor(private readonly db: Executor) {}

  /** What the statistics need of the stored dossiers with these codes, by code. */
  async findForFacts(source: string, codes: string[]): Promise<Map<string, StoredDossierFacts>> {
    if (codes.length === 0) return new Map();
    const result = await sql<{
      id: number;
      code: string;
      content_hash: string;
      unit_id: number;
      procedure_id: number;
      channel: 'direct' | 'online' | 'postal';
      state: DossierForFacts['state'];
      received_day: string;
      due_day: string | null;
      finish_day: string | null;
      digitized_input: boolean;
      digitized_output: boolean;
      has_fee: boolean;
      paid_online: boolean;
      rating: DossierForFacts['rating'];
      online_mode: DossierForFacts['onlineMode'];
    }>`
      SELECT d.id, d.code, d.content_hash, d.unit_id, d.procedure_id, d.channel, d.state, d.received_day, d.due_day,
             d.finish_day, d.digitized_input, d.digitized_output, d.has_fee, d.paid_online, d.rating, d.online_mode
      FROM dossiers d
      WHERE d.source = ${source} AND d.code = ANY(${codes}::text[])`.execute(this.db);
    return new Map(
      result.rows.map((r) => [
        r.code,
        {
          id: r.id,
          code: r.code,
          contentHash: r.content_hash,
          unitId: r.unit_id,
          procedureId: r.procedure_id,
          channel: r.channel,
          state: r.state,
          receivedDay: r.received_day,
          dueDay: r.due_day,
          finishDay: r.finish_day,
          digitizedInput: r.digitized_input,
          digitizedOutput: r.digitized_output,
          hasFee: r.has_fee,
          paidOnline: r.paid_online,
          rating: r.rating,
          onlineMode: r.online_mode,
        },
      ]),
    );
  }

  /** Inserts new dossiers and overwrites changed ones in one statement; returns their ids by code. */
  async upsertMany(rows: DossierWrite[]): Promise<Map<string, number>> {
    if (rows.length === 0) return new Map();
    const result = await sql<{ id: number; code: string }>`
      INSERT INTO dossiers (${sql.join(DOSSIER_WRITE_COLUMNS.map((c) => sql.ref(c)))})
      SELECT * FROM unnest(${dossierArrays(rows)})
      ON CONFLICT (source, code, unit_id) DO UPDATE SET
        unit_id = excluded.unit_id, procedure_id = excluded.procedure_id, channel = excluded.channel,
        online_mode = excluded.online_mode,
        state = excluded.state, received_at = excluded.received_at, received_day = excluded.received_day,
        due_at = excluded.due_at, due_day = excluded.due_day, due_from_source = excluded.due_from_source,
        result_at = excluded.result_at, delivered_at = excluded.delivered_at, finish_day = excluded.finish_day,
        digitized_input = excluded.digitized_input, digitized_output = excluded.digitized_output,
        has_fee = excluded.has_fee, paid_online = excluded.paid_online, rating = excluded.rating,
        content_hash = excluded.content_hash, updated_at = now()
      RETURNING id, code`.execute(this.db);
    return new Map(result.rows.map((r) => [r.code, r.id]));
  }

  /**
   * Writes the events an import derived: those of `replacedIds` (dossiers that existed) are
   * dropped first, since the newest export says again everything that happened to them.
   */
  async replaceEvents(replacedIds: number[], events: DossierEventWrite[]): Promise<void> {
    if (replacedIds.length > 0) {
      await sql`DELETE FROM dossier_events WHERE dossier_id = ANY(${replacedIds}::int[])`.execute(this.db);
    }
    if (events.length === 0) return;
    await sql`
      INSERT INTO dossier_events (dossier_id, at, kind, actor, note)
      SELECT * FROM unnest(${column(events, (e) => e.dossierId)}::int[], ${column(events, (e) => e.at)}::timestamptz[],
        ${column(events, (e) => e.kind)}::text[], ${column(events, (e) => e.actor)}::text[], ${column(events, (e) => e.note)}::text[])`.execute(
      this.db,
    );
  }

  /** Adds fact changes to the daily flows (both the per-procedure and the per-unit tables). */
  async applyFactDeltas(rows: FactRow[]): Promise<void> {
    if (rows.length === 0) return;
    const counts = FACT_COLUMNS.map((name) => sql`${column(rows, (r) => r.counts[name])}::int[]`);
    const names = sql.join(FACT_COLUMNS.map((name) => sql.ref(name)));
    const increments = sql.join(FACT_COLUMNS.map((name) => sql`${sql.ref(name)} = t.${sql.ref(name)} + excluded.${sql.ref(name)}`));
    await sql`
      INSERT INTO dossier_facts AS t (unit_id, day, procedure_id, channel, ${names})
      SELECT * FROM unnest(${column(rows, (r) => r.unitId)}::int[], ${column(rows, (r) => r.day)}::date[],
        ${column(rows, (r) => r.procedureId)}::int[], ${column(rows, (r) => r.channel)}::text[], ${sql.join(counts)})
      ON CONFLICT (unit_id, day, procedure_id, channel) DO UPDATE SET ${increments}`.execute(this.db);
    // Collapse the procedure away for the small per-unit table.
    const byUnit = new Map<string, FactRow>();
    for (const row of rows) {
      const key = `${row.unitId}|${row.day}|${row.channel}`;
      const current = byUnit.get(key);
      if (!current) byUnit.set(key, { ...row, counts: { ...row.counts } });
      else for (const name of FACT_COLUMNS) current.counts[name] += row.counts[name];
    }
    const unitRows = [...byUnit.values()];
    const unitCounts = FACT_COLUMNS.map((name) => sql`${column(unitRows, (r) => r.counts[name])}::int[]`);
    await sql`
      INSERT INTO dossier_unit_facts AS t (unit_id, day, channel, ${names})
      SELECT * FROM unnest(${column(unitRows, (r) => r.unitId)}::int[], ${column(unitRows, (r) => r.day)}::date[],
        ${column(unitRows, (r) => r.channel)}::text[], ${sql.join(unitCounts)})
      ON CONFLICT (unit_id, day, channel) DO UPDATE SET ${increments}`.execute(this.db);
  }

  async findById(id: number): Promise<DossierRecord | undefined> {
    const row = await this.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async events(dossierId: number): Promise<DossierEventRecord[]> {
    const rows = await this.db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), kind: r.kind, actor: r.actor, note: r.note }));
  }

  async appendEvent(event: DossierEventWrite): Promise<void> {
    await this.db
      .insertInto('dossier_events')
      .values({ dossier_id: event.dossierId, at: event.at, kind: event.kind, actor: event.actor, note: event.note })
      .execute();
  }

  /** Next free number for desk-recorded codes of a unit and day: `01906-20260217-0003`. */
  async nextDeskCode(unitCode: string, day: string): Promise<string> {
    const prefix = `${unitCode}-${day.replaceAll('-', '')}-`;
    const row = await this.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'desk')
      .where('code', 'like', `${prefix}%`)
      .executeTakeFirstOrThrow();
    return `${prefix}${String(Number(row.n) + 1).padStart(4, '0')}`;
  }

  /** A page of the register, newest first, with the total for paging. */
  async search(filter: DossierFilter): Promise<{ items: DossierListItem[]; total: number }> {
    let query = this.db
      .selectFrom('dossiers as d')
      .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .where('d.unit_id', 'in', filter.unitIds);
    if (filter.field) query = query.where('p.field', '=', filter.field);
    if (filter.procedureId) query = query.where('d.procedure_id', '=', filter.procedureId);
    if (filter.channel) query = query.where('d.channel', '=', filter.channel);
    if (filter.state) query = query.where('d.state', '=', filter.state);
    if (filter.overdueOn) {
      query = query.where(sql<boolean>`d.open_span @> ${filter.overdueOn}::date AND d.due_day < ${filter.overdueOn}::date`);
    }
    if (filter.receivedFrom) query = query.where('d.received_day', '>=', filter.receivedFrom);
    if (filter.receivedTo) query = query.where('d.received_day', '<=', filter.receivedTo);
    if (filter.code) query = query.where('d.code', 'ilike', `%${filter.code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .select([
        'd.id', 'd.source', 'd.code', 'd.unit_id', 'u.name as unit_name', 'd.procedure_id', 'p.code as procedure_code',
        'p.name as procedure_name', 'p.field', 'd.channel', 'd.state', 'd.received_at', 'd.due_at', 'd.due_day', 'd.result_at',
        'd.finish_day',
      ])
      .orderBy('d.received_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute();
    return {
      total: Number(total.n),
      items: rows.map((r) => ({
        id: r.id,
        source: r.source,
        code: r.code,
        unitId: r.unit_id,
        unitName: r.unit_name,
        procedureId: r.procedure_id,
        procedureCode: r.procedure_code,
        procedureName: r.procedure_name,
        field: r.field,
        channel: r.channel,
        state: r.state,
        receivedAt: new Date(r.received_at).toISOString(),
        dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
        dueDay: r.due_day,
        resultAt: r.result_at ? new Date(r.result_at).toISOString() : null,
        finishDay: r.finish_day,
      })),
    };
  }

  async fields(unitIds: number[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('dossiers as d')
      .innerJoin('procedures as p', 'p.id', 'd.procedure_id')
      .select('p.field')
      .distinct()
      .where('d.unit_id', 'in', unitIds)
      .orderBy('p.field')
      .execute();
    return rows.map((r) => r.field);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
