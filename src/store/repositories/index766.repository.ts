import { sql, type RawBuilder } from 'kysely';
import { DOSSIER_METRICS, PROCEDURE_METRICS, type DossierMetric, type MetricCounts, type ProcedureMetric } from '../../domain/index766/metrics';
import type { ShortfallDossier } from '../../domain/index766/against';
import type { Executor } from './executor';

/** A named window, both days included. */
export interface IndexWindow {
  key: string;
  from: string;
  to: string;
}

/** The 766 rules a profile sets for counting dossiers. */
export interface DossierRules {
  /** More supplement requests than this make a dossier late. */
  maxSupplementRequests: number;
  /** A dossier without a due day counts as on time (true) or late (false). */
  missingDueOnTime: boolean;
}

export interface KeyedCounts {
  root: number;
  window: string;
  counts: MetricCounts;
}

/** A dossier that cost points: what the drill-down judges it by, and how the office finds it. */
export interface AgainstDossier extends ShortfallDossier {
  id: number;
  code: string;
  unitCode: string;
  unitName: string;
  procedureCode: string;
  procedureName: string;
}

export interface AgainstProcedure {
  id: number;
  code: string;
  name: string;
  field: string;
  onlineMode: string;
  dossiers: number;
  onlineDossiers: number;
}

type Predicates = Record<DossierMetric, RawBuilder<unknown>>;

/**
 * Each dossier metric as a predicate over one candidate row `c` (a dossier of a root's subtree
 * that touches a window: received by its end and not finished before its start), with `c.sr` its
 * supplement requests up to the window's end. The counts and the drill-down lists share these
 * predicates, so a list always holds exactly the dossiers a count counted.
 */
function predicates(rules: DossierRules): Predicates {
  const received = sql`(c.received_day BETWEEN c.d_from AND c.d_to)`;
  const resolved = sql`(c.state IN ('resolved', 'delivered') AND c.finish_day BETWEEN c.d_from AND c.d_to)`;
  const pending = sql`(c.received_day <= c.d_to AND (c.finish_day IS NULL OR c.finish_day > c.d_to))`;
  const tooManyRequests = sql`(c.sr > ${rules.maxSupplementRequests}::int)`;
  const missing = rules.missingDueOnTime ? sql`true` : sql`false`;
  const resolvedOnTime = sql`(${resolved} AND NOT ${tooManyRequests} AND (CASE WHEN c.due_day IS NULL THEN ${missing} ELSE c.finish_day <= c.due_day END))`;
  const pendingInTime = sql`(${pending} AND NOT ${tooManyRequests} AND (CASE WHEN c.due_day IS NULL THEN ${missing} ELSE c.due_day >= c.d_to END))`;
  const capable = sql`(${received} AND c.online_mode IN ('full', 'partial'))`;
  const withFee = sql`(${received} AND c.has_fee)`;
  const rated = sql`(${resolved} AND c.rating IS NOT NULL)`;
  return {
    received,
    received_online: sql`(${received} AND c.channel = 'online')`,
    received_online_capable: capable,
    received_online_capable_online: sql`(${capable} AND c.channel = 'online')`,
    carried_over: sql`(c.received_day < c.d_from AND (c.finish_day IS NULL OR c.finish_day >= c.d_from))`,
    resolved,
    resolved_on_time: resolvedOnTime,
    resolved_late: sql`(${resolved} AND NOT ${resolvedOnTime})`,
    pending,
    pending_in_time: pendingInTime,
    pending_overdue: sql`(${pending} AND NOT ${pendingInTime})`,
    returned: sql`(c.state = 'returned' AND c.finish_day BETWEEN c.d_from AND c.d_to)`,
    withdrawn: sql`(c.state = 'withdrawn' AND c.finish_day BETWEEN c.d_from AND c.d_to)`,
    supplement_many: sql`((${resolved} OR ${pending}) AND ${tooManyRequests})`,
    digitized_input: sql`(${received} AND c.digitized_input)`,
    digitized_output: sql`(${resolved} AND c.digitized_output)`,
    with_fee: withFee,
    paid_online: sql`(${withFee} AND c.paid_online)`,
    rated,
    rated_satisfied: sql`(${rated} AND c.rating IN ('satisfied', 'very_satisfied'))`,
  };
}

/** A procedure counts for a procedure metric when one of its dossiers meets this predicate. */
function procedurePredicates(p: Predicates): Record<ProcedureMetric, RawBuilder<unknown>> {
  return {
    procedures: p.received,
    procedures_online_capable: p.received_online_capable,
    procedures_online_capable_with_online: p.received_online_capable_online,
    procedures_with_fee: p.with_fee,
    procedures_with_fee_paid_online: p.paid_online,
  };
}

/** Candidate dossiers of each root's subtree for each window, with their supplement requests. */
function candidates(rootIds: number[], windows: IndexWindow[]): RawBuilder<unknown> {
  return sql`
    WITH RECURSIVE s(id, root) AS (
      SELECT u.id, u.id FROM units u WHERE u.id = ANY(${rootIds}::int[])
      UNION ALL
      SELECT ch.id, s.root FROM units ch JOIN s ON ch.parent_id = s.id
    ),
    w AS (
      SELECT * FROM unnest(${windows.map((x) => x.key)}::text[], ${windows.map((x) => x.from)}::date[], ${windows.map((x) => x.to)}::date[])
        AS w(k, d_from, d_to)
    ),
    c AS (
      SELECT s.root, w.k, w.d_from, w.d_to, d.id, d.code, d.unit_id, d.procedure_id, d.channel, d.online_mode, d.state,
             d.received_day, d.due_day, d.finish_day, d.digitized_input, d.digitized_output, d.has_fee, d.paid_online, d.rating,
             (SELECT count(*) FROM dossier_events e
               WHERE e.dossier_id = d.id AND e.kind = 'supplement_requested'
                 AND e.at < (((w.d_to + 1)::timestamp AT TIME ZONE 'UTC') - interval '7 hours'))::int AS sr
      FROM dossiers d
      JOIN s ON d.unit_id = s.id
      JOIN w ON d.received_day <= w.d_to AND (d.finish_day IS NULL OR d.finish_day >= w.d_from)
    )`;
}

const orOf = (list: Array<RawBuilder<unknown>>) => (list.length === 0 ? sql`false` : sql`(${sql.join(list, sql` OR `)})`);

/**
 * The index's reads: every dossier and procedure metric of many subtrees and many windows in one
 * set-wise statement (a province's communes ranked, or a year of months), the manual inputs summed
 * likewise, and the dossiers or procedures behind a sub-indicator.
 */
export class Index766Repository {
  constructor(private readonly db: Executor) {}

  async counts(rootIds: number[], windows: IndexWindow[], rules: DossierRules): Promise<KeyedCounts[]> {
    if (rootIds.length === 0 || windows.length === 0) return [];
    const p = predicates(rules);
    const pp = procedurePredicates(p);
    const columns = sql.join([
      ...DOSSIER_METRICS.map((m) => sql`count(*) FILTER (WHERE ${p[m]})::int AS ${sql.ref(m)}`),
      ...PROCEDURE_METRICS.map((m) => sql`count(DISTINCT c.procedure_id) FILTER (WHERE ${pp[m]})::int AS ${sql.ref(m)}`),
    ]);
    const result = await sql<Record<string, unknown>>`${candidates(rootIds, windows)}
      SELECT c.root, c.k, ${columns} FROM c GROUP BY c.root, c.k`.execute(this.db);
    const found = new Map(result.rows.map((row) => [`${row.root}/${row.k}`, row]));
    const out: KeyedCounts[] = [];
    for (const root of rootIds) {
      for (const window of windows) {
        const row = found.get(`${root}/${window.key}`);
        const counts: MetricCounts = {};
        for (const m of [...DOSSIER_METRICS, ...PROCEDURE_METRICS]) counts[m] = Number(row?.[m] ?? 0);
        out.push({ root, window: window.key, counts });
      }
    }
    return out;
  }

  /** Manual inputs summed over each root's subtree and the months that start within each window. */
  async manualSums(rootIds: number[], windows: IndexWindow[]): Promise<KeyedCounts[]> {
    if (rootIds.length === 0 || windows.length === 0) return [];
    const result = await sql<{ root: number; k: string; key: string; total: number }>`
      WITH RECURSIVE s(id, root) AS (
        SELECT u.id, u.id FROM units u WHERE u.id = ANY(${rootIds}::int[])
        UNION ALL
        SELECT ch.id, s.root FROM units ch JOIN s ON ch.parent_id = s.id
      ),
      w AS (
        SELECT * FROM unnest(${windows.map((x) => x.key)}::text[], ${windows.map((x) => x.from)}::date[], ${windows.map((x) => x.to)}::date[])
          AS w(k, d_from, d_to)
      )
      SELECT s.root, w.k, i.key, sum(i.value)::int AS total
      FROM index766_inputs i JOIN s ON i.unit_id = s.id JOIN w ON i.month BETWEEN w.d_from AND w.d_to
      GROUP BY s.root, w.k, i.key`.execute(this.db);
    const byKey = new Map<string, KeyedCounts>();
    for (const row of result.rows) {
      const id = `${row.root}/${row.k}`;
      const entry = byKey.get(id) ?? { root: Number(row.root), window: row.k, counts: {} };
      entry.counts[`manual.${row.key}`] = Number(row.total);
      byKey.set(id, entry);
    }
    return [...byKey.values()];
  }

  /**
   * The dossiers of a subtree in a window that count in the denominator but not in the numerator
   * (the ones that cost points), oldest first, with the total of such dossiers.
   */
  async dossiersAgainst(
    rootId: number,
    window: IndexWindow,
    rules: DossierRules,
    denominator: DossierMetric[],
    numerator: DossierMetric[],
    page: { limit: number; offset: number },
  ): Promise<{ total: number; items: AgainstDossier[] }> {
    const p = predicates(rules);
    const where = sql`${orOf(denominator.map((m) => p[m]))} AND NOT ${orOf(numerator.map((m) => p[m]))}`;
    const result = await sql<Record<string, unknown>>`${candidates([rootId], [window])}
      SELECT c.id, c.code, u.code AS unit_code, u.name AS unit_name, pr.code AS procedure_code, pr.name AS procedure_name,
             c.channel, c.state, c.received_day::text AS received_day, c.due_day::text AS due_day, c.finish_day::text AS finish_day,
             c.sr, c.digitized_input, c.digitized_output, c.has_fee, c.paid_online, c.rating, count(*) OVER ()::int AS total
      FROM c JOIN units u ON u.id = c.unit_id JOIN procedures pr ON pr.id = c.procedure_id
      WHERE ${where}
      ORDER BY c.received_day, c.code, c.id
      LIMIT ${page.limit} OFFSET ${page.offset}`.execute(this.db);
    const total = result.rows.length > 0 ? Number(result.rows[0]!.total) : page.offset > 0 ? await this.countDossiersAgainst(rootId, window, where) : 0;
    return {
      total,
      items: result.rows.map((r) => ({
        id: Number(r.id),
        code: String(r.code),
        unitCode: String(r.unit_code),
        unitName: String(r.unit_name),
        procedureCode: String(r.procedure_code),
        procedureName: String(r.procedure_name),
        channel: String(r.channel),
        state: String(r.state),
        receivedDay: String(r.received_day),
        dueDay: r.due_day === null ? null : String(r.due_day),
        finishDay: r.finish_day === null ? null : String(r.finish_day),
        supplementRequests: Number(r.sr),
        digitizedInput: Boolean(r.digitized_input),
        digitizedOutput: Boolean(r.digitized_output),
        hasFee: Boolean(r.has_fee),
        paidOnline: Boolean(r.paid_online),
        rating: r.rating === null ? null : String(r.rating),
      })),
    };
  }

  private async countDossiersAgainst(rootId: number, window: IndexWindow, where: RawBuilder<unknown>): Promise<number> {
    const counted = await sql<{ n: number }>`${candidates([rootId], [window])} SELECT count(*)::int AS n FROM c WHERE ${where}`.execute(this.db);
    return Number(counted.rows[0]?.n ?? 0);
  }

  /** The procedures of a subtree in a window that count in the denominator but not in the numerator. */
  async proceduresAgainst(
    rootId: number,
    window: IndexWindow,
    rules: DossierRules,
    denominator: ProcedureMetric[],
    numerator: ProcedureMetric[],
  ): Promise<AgainstProcedure[]> {
    const pp = procedurePredicates(predicates(rules));
    const p = predicates(rules);
    const result = await sql<Record<string, unknown>>`${candidates([rootId], [window])}
      SELECT pr.id, pr.code, pr.name, pr.field, pr.online_mode,
             count(*) FILTER (WHERE ${p.received})::int AS dossiers,
             count(*) FILTER (WHERE ${p.received_online})::int AS online_dossiers
      FROM c JOIN procedures pr ON pr.id = c.procedure_id
      GROUP BY pr.id, pr.code, pr.name, pr.field, pr.online_mode
      HAVING bool_or(${orOf(denominator.map((m) => pp[m]))}) AND NOT bool_or(${orOf(numerator.map((m) => pp[m]))})
      ORDER BY pr.field, pr.code`.execute(this.db);
    return result.rows.map((r) => ({
      id: Number(r.id),
      code: String(r.code),
      name: String(r.name),
      field: String(r.field),
      onlineMode: String(r.online_mode),
      dossiers: Number(r.dossiers),
      onlineDossiers: Number(r.online_dossiers),
    }));
  }

  async upsertInputs(unitId: number, month: string, values: Array<{ key: string; value: number | null }>, userId: number | null): Promise<void> {
    for (const { key, value } of values) {
      if (value === null) {
        await sql`DELETE FROM index766_inputs WHERE unit_id = ${unitId} AND month = ${month}::date AND key = ${key}`.execute(this.db);
      } else {
        await sql`INSERT INTO index766_inputs (unit_id, month, key, value, updated_by, updated_at)
          VALUES (${unitId}, ${month}::date, ${key}, ${value}, ${userId}, now())
          ON CONFLICT (unit_id, month, key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`.execute(this.db);
      }
    }
  }

  /** The inputs entered for a unit itself (not its subtree) for one month. */
  async inputsOf(unitId: number, month: string): Promise<Array<{ key: string; value: number; updatedAt: string; updatedBy: string | null }>> {
    const result = await sql<{ key: string; value: number; updated_at: string | Date; updated_by: string | null }>`
      SELECT i.key, i.value, i.updated_at, u.display_name AS updated_by
      FROM index766_inputs i LEFT JOIN users u ON u.id = i.updated_by
      WHERE i.unit_id = ${unitId} AND i.month = ${month}::date ORDER BY i.key`.execute(this.db);
    return result.rows.map((r) => ({
      key: r.key,
      value: Number(r.value),
      updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at),
      updatedBy: r.updated_by,
    }));
  }
}
