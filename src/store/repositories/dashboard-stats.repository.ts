import { sql } from 'kysely';
import type { Channel } from '../../domain/dossiers/dossier';
import { FACT_COLUMNS, type FactCounts } from '../../domain/dossiers/facts';
import type { Executor } from './executor';

/** Window sums of the daily flows for one group (a window, a child unit) and one channel. */
export interface KeyedFlows {
  key: string;
  channel: Channel;
  counts: FactCounts;
}

/** A named date window, both days included. */
export interface KeyedWindow {
  key: string;
  from: string;
  to: string;
}

const sums = sql.join(FACT_COLUMNS.map((name) => sql`coalesce(sum(f.${sql.ref(name)}), 0)::int AS ${sql.ref(name)}`));

function toFlows(row: Record<string, unknown>): KeyedFlows {
  return {
    key: String(row.grp),
    channel: row.channel as Channel,
    counts: Object.fromEntries(FACT_COLUMNS.map((name) => [name, Number(row[name] ?? 0)])) as FactCounts,
  };
}

/**
 * The dashboard's grouped reads of the daily flows (dossier_unit_facts): many windows of one
 * subtree, or one window of many subtrees, each in a single query rather than one query per
 * period or per unit. Stocks are not read here: every rate the dashboard shows is a flow ratio.
 */
export class DashboardStatsRepository {
  constructor(private readonly db: Executor) {}

  /** Flows of the dossiers of `unitIds` summed over each window (windows may touch or overlap). */
  async flowsByWindow(unitIds: number[], windows: KeyedWindow[]): Promise<KeyedFlows[]> {
    if (unitIds.length === 0 || windows.length === 0) return [];
    const first = windows.reduce((min, w) => (w.from < min ? w.from : min), windows[0]!.from);
    const last = windows.reduce((max, w) => (w.to > max ? w.to : max), windows[0]!.to);
    const result = await sql<Record<string, unknown>>`
      WITH w AS (
        SELECT * FROM unnest(${windows.map((w) => w.key)}::text[], ${windows.map((w) => w.from)}::date[], ${windows.map((w) => w.to)}::date[])
          AS w(k, d_from, d_to)
      )
      SELECT w.k AS grp, f.channel, ${sums}
      FROM dossier_unit_facts f JOIN w ON f.day BETWEEN w.d_from AND w.d_to
      WHERE f.unit_id = ANY(${unitIds}::int[]) AND f.day BETWEEN ${first}::date AND ${last}::date
      GROUP BY w.k, f.channel`.execute(this.db);
    return result.rows.map(toFlows);
  }

  /**
   * Flows over [from, to] of each root's whole subtree (the root and every unit below it), keyed
   * by the root's id: the children of a province ranked in one query.
   */
  async flowsBySubtree(rootIds: number[], from: string, to: string): Promise<KeyedFlows[]> {
    if (rootIds.length === 0) return [];
    const result = await sql<Record<string, unknown>>`
      WITH RECURSIVE s(id, root) AS (
        SELECT u.id, u.id FROM units u WHERE u.id = ANY(${rootIds}::int[])
        UNION ALL
        SELECT c.id, s.root FROM units c JOIN s ON c.parent_id = s.id
      )
      SELECT s.root::text AS grp, f.channel, ${sums}
      FROM dossier_unit_facts f JOIN s ON f.unit_id = s.id
      WHERE f.day BETWEEN ${from}::date AND ${to}::date
      GROUP BY s.root, f.channel`.execute(this.db);
    return result.rows.map(toFlows);
  }
}
