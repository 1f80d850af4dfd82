import { sql, type RawBuilder } from 'kysely';
import type { Channel } from '../../domain/dossiers/dossier';
import { FACT_COLUMNS, type FactCounts } from '../../domain/dossiers/facts';
import type { OpenSet } from '../../domain/dossiers/metrics';
import type { Executor } from './executor';

export type StatsBreakdown = 'field' | 'procedure' | 'unit';

export interface GroupedFlows {
  group: string;
  channel: Channel;
  counts: FactCounts;
}

const sums = sql.join(FACT_COLUMNS.map((name) => sql`coalesce(sum(f.${sql.ref(name)}), 0)::int AS ${sql.ref(name)}`));

function toCounts(row: Record<string, unknown>): FactCounts {
  return Object.fromEntries(FACT_COLUMNS.map((name) => [name, Number(row[name] ?? 0)])) as FactCounts;
}

/** Reads the statistics inputs: window sums of the daily flows and the open dossiers on a day. */
export class DossierStatsRepository {
  constructor(private readonly db: Executor) {}

  /** Window sums per channel (or per group and channel) for the dossiers of these units. */
  async flows(unitIds: number[], from: string, to: string, by?: StatsBreakdown): Promise<GroupedFlows[]> {
    let query: RawBuilder<Record<string, unknown>>;
    if (!by) {
      query = sql`SELECT '' AS grp, f.channel, ${sums} FROM dossier_unit_facts f
        WHERE f.unit_id = ANY(${unitIds}::int[]) AND f.day BETWEEN ${from}::date AND ${to}::date
        GROUP BY f.channel`;
    } else if (by === 'unit') {
      query = sql`SELECT f.unit_id::text AS grp, f.channel, ${sums} FROM dossier_unit_facts f
        WHERE f.unit_id = ANY(${unitIds}::int[]) AND f.day BETWEEN ${from}::date AND ${to}::date
        GROUP BY f.unit_id, f.channel`;
    } else {
      const group = by === 'field' ? sql`p.field` : sql`p.id::text`;
      query = sql`SELECT ${group} AS grp, f.channel, ${sums} FROM dossier_facts f JOIN procedures p ON p.id = f.procedure_id
        WHERE f.unit_id = ANY(${unitIds}::int[]) AND f.day BETWEEN ${from}::date AND ${to}::date
        GROUP BY ${group}, f.channel`;
    }
    const result = await query.execute(this.db);
    return result.rows.map((row) => ({ group: String(row.grp), channel: row.channel as Channel, counts: toCounts(row) }));
  }

  /** Dossiers open at the end of `day` (received on or before it, not finished by its end), per group. */
  async openAt(unitIds: number[], day: string, by?: StatsBreakdown): Promise<Map<string, OpenSet>> {
    const group =
      by === 'field' ? sql`p.field` : by === 'procedure' ? sql`p.id::text` : by === 'unit' ? sql`d.unit_id::text` : sql`''`;
    const result = await sql<{ grp: string; total: number; in_time: number; overdue: number; paused: number }>`
      SELECT ${group} AS grp,
             count(*)::int AS total,
             count(*) FILTER (WHERE d.due_day IS NULL OR d.due_day >= ${day}::date)::int AS in_time,
             count(*) FILTER (WHERE d.due_day < ${day}::date)::int AS overdue,
             count(*) FILTER (WHERE d.state IN ('awaiting_supplement', 'paused'))::int AS paused
      FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
      WHERE d.open_span @> ${day}::date AND d.unit_id = ANY(${unitIds}::int[])
      GROUP BY 1`.execute(this.db);
    return new Map(
      result.rows.map((r) => [String(r.grp), { total: r.total, inTime: r.in_time, overdue: r.overdue, paused: r.paused }]),
    );
  }
}
