import { sql } from 'kysely';
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
      INSERT INTO dossiers (source, code, unit_id, procedure_id, channel, online_mode, state, received_at, received_day, due_at, due_day,
        due_from_source, result_at, delivered_at, finish_day, digitized_input, digitized_output, has_fee, paid_online,
        rating, content_hash)
      SELECT * FROM unnest(
        ${column(rows, (r) => r.source)}::text[], ${column(rows, (r) => r.code)}::text[],
        ${column(rows, (r) => r.unitId)}::int[], ${column(rows, (r) => r.procedureId)}::int[],
        ${column(rows, (r) => r.channel)}::text[], ${column(rows, (r) => r.onlineMode)}::text[],
        ${column(rows, (r) => r.state)}::text[],
        ${column(rows, (r) => r.receivedAt)}::timestamptz[], ${column(rows, (r) => r.receivedDay)}::date[],
        ${column(rows, (r) => r.dueAt)}::timestamptz[], ${column(rows, (r) => r.dueDay)}::date[],
        ${column(rows, (r) => r.dueFromSource)}::boolean[], ${column(rows, (r) => r.resultAt)}::timestamptz[],
        ${column(rows, (r) => r.deliveredAt)}::timestamptz[], ${column(rows, (r) => r.finishDay)}::date[],
        ${column(rows, (r) => r.digitizedInput)}::boolean[], ${column(rows, (r) => r.digitizedOutput)}::boolean[],
        ${column(rows, (r) => r.hasFee)}::boolean[], ${column(rows, (r) => r.paidOnline)}::boolean[],
        ${column(rows, (r) => r.rating)}::text[], ${column(rows, (r) => r.contentHash)}::text[])
      ON CONFLICT (source, code) DO UPDATE SET
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

  /** Replaces the events of these dossiers (an import re-derives them from the newest export). */
  async replaceEvents(dossierIds: number[], events: DossierEventWrite[]): Promise<void> {
    if (dossierIds.length === 0) return;
    await sql`DELETE FROM dossier_events WHERE dossier_id = ANY(${dossierIds}::int[])`.execute(this.db);
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

  async count(): Promise<number> {
    const row = await this.db.selectFrom('dossiers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
