import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { FACT_COLUMNS } from '../../domain/dossiers/facts';
import type { Schema } from '../schema';
import { DOSSIER_WRITE_COLUMNS, dossierArrays, type DossierWrite } from './dossiers.repository';

export interface StagedDossier extends DossierWrite {
  /** The file line it came from: rows are published in file order. */
  line: number;
}

export interface PublishCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const column = <T>(rows: T[], pick: (row: T) => unknown) => rows.map(pick);

const DOSSIER_COLUMNS = DOSSIER_WRITE_COLUMNS;
const UPDATED_COLUMNS = DOSSIER_COLUMNS.filter((c) => c !== 'source' && c !== 'code' && c !== 'unit_id');

/** What the daily facts read of a dossier version. */
const VERSION_COLUMNS = [
  'unit_id', 'procedure_id', 'channel', 'online_mode', 'state', 'received_day', 'due_day', 'finish_day', 'digitized_input',
  'digitized_output', 'has_fee', 'paid_online', 'rating',
];

const RESOLVED = sql`('resolved', 'delivered')`;
const FINISHED = sql`('resolved', 'delivered', 'returned', 'withdrawn')`;

/**
 * The contributions of dossier versions to the daily facts, as set-based SQL (the same rule as
 * factsOf in src/domain/dossiers/facts.ts, which the store tests compare it with): each version
 * adds `sign` to its receipt day's flows and, once finished, to its finish day's.
 */
function factContributions(versions: RawBuilder<unknown>): RawBuilder<unknown> {
  const when = (condition: RawBuilder<unknown>) => sql`CASE WHEN ${condition} THEN v.sign ELSE 0 END`;
  const resolved = sql`v.state IN ${RESOLVED}`;
  const receivedSide: Record<string, RawBuilder<unknown>> = {
    received: sql`v.sign`,
    received_full_mode: when(sql`v.online_mode = 'full'`),
    received_partial_mode: when(sql`v.online_mode = 'partial'`),
    digitized_input: when(sql`v.digitized_input`),
    with_fee: when(sql`v.has_fee`),
    paid_online: when(sql`v.has_fee AND v.paid_online`),
  };
  const finishSide: Record<string, RawBuilder<unknown>> = {
    resolved_early: when(sql`${resolved} AND v.due_day IS NOT NULL AND v.finish_day < v.due_day`),
    resolved_on_time: when(sql`${resolved} AND (v.due_day IS NULL OR v.finish_day = v.due_day)`),
    resolved_late: when(sql`${resolved} AND v.due_day IS NOT NULL AND v.finish_day > v.due_day`),
    digitized_output: when(sql`${resolved} AND v.digitized_output`),
    returned: when(sql`v.state = 'returned'`),
    withdrawn: when(sql`v.state = 'withdrawn'`),
    rating_very_satisfied: when(sql`${resolved} AND v.rating = 'very_satisfied'`),
    rating_satisfied: when(sql`${resolved} AND v.rating = 'satisfied'`),
    rating_unsatisfied: when(sql`${resolved} AND v.rating = 'unsatisfied'`),
  };
  const pick = (side: Record<string, RawBuilder<unknown>>) =>
    sql.join(FACT_COLUMNS.map((name) => sql`${side[name] ?? sql`0`} AS ${sql.ref(name)}`));
  return sql`
    WITH v AS ${versions}
    SELECT v.unit_id, v.procedure_id, v.channel, v.received_day AS day, ${pick(receivedSide)} FROM v
    UNION ALL
    SELECT v.unit_id, v.procedure_id, v.channel, v.finish_day AS day, ${pick(finishSide)} FROM v
    WHERE v.state IN ${FINISHED} AND v.finish_day IS NOT NULL`;
}

/**
 * One import's private staging area: validated rows are added in chunks (each its own short
 * statement, so other work runs between them), then published in one transaction with set-based
 * statements. The staging tables are temporary: a killed or cancelled import leaves nothing.
 */
export class DossierImportStaging {
  readonly #table: string;
  readonly #facts: string;
  #created = false;

  constructor(private readonly db: Kysely<Schema>) {
    const id = randomBytes(6).toString('hex');
    this.#table = `cchc_import_rows_${id}`;
    this.#facts = `cchc_import_facts_${id}`;
  }

  get #rows() {
    return sql.table(this.#table);
  }

  async #create(): Promise<void> {
    if (this.#created) return;
    await sql`CREATE TEMP TABLE ${this.#rows} (
      line integer NOT NULL, source text NOT NULL, code text NOT NULL, unit_id integer NOT NULL, procedure_id integer NOT NULL,
      channel text NOT NULL, online_mode text NOT NULL, state text NOT NULL, received_at timestamptz NOT NULL,
      received_day date NOT NULL, due_at timestamptz, due_day date, due_from_source boolean NOT NULL, result_at timestamptz,
      delivered_at timestamptz, finish_day date, digitized_input boolean NOT NULL, digitized_output boolean NOT NULL,
      has_fee boolean NOT NULL, paid_online boolean NOT NULL, rating text, content_hash text NOT NULL)`.execute(this.db);
    this.#created = true;
  }

  /** Adds rows (one multi-row INSERT). */
  async stage(rows: StagedDossier[]): Promise<void> {
    await this.#create();
    if (rows.length === 0) return;
    const names = sql.join(['line', ...DOSSIER_COLUMNS].map((c) => sql.ref(c)));
    await sql`
      INSERT INTO ${this.#rows} (${names})
      SELECT * FROM unnest(${column(rows, (r) => r.line)}::int[], ${dossierArrays(rows)})`.execute(this.db);
  }

  /**
   * Publishes the staged rows inside the caller's transaction `trx`: the daily facts move by the
   * difference between the stored versions and the staged ones, then new dossiers are inserted and
   * changed ones overwritten, all keyed by (source, code, unit). Unchanged rows are not touched.
   */
  async publish(trx: Kysely<Schema>): Promise<PublishCounts> {
    await this.#create();
    // One publish at a time (several server processes on PostgreSQL): the fact deltas are computed
    // from the stored versions, which another publish must not change in between.
    await sql`SELECT pg_advisory_xact_lock(7305001)`.execute(trx);
    // A temporary table has no statistics until analysed: without them the joins below are planned
    // for a handful of rows.
    await sql`ANALYZE ${this.#rows}`.execute(trx);
    const key = sql`d.source = s.source AND d.code = s.code AND d.unit_id = s.unit_id`;
    const counts = await sql<{ inserted: number; updated: number; unchanged: number }>`
      SELECT count(*) FILTER (WHERE d.id IS NULL)::int AS inserted,
             count(*) FILTER (WHERE d.content_hash <> s.content_hash)::int AS updated,
             count(*) FILTER (WHERE d.content_hash = s.content_hash)::int AS unchanged
      FROM ${this.#rows} s LEFT JOIN dossiers d ON ${key}`.execute(trx);
    const { inserted, updated, unchanged } = counts.rows[0]!;
    if (inserted + updated === 0) return { inserted, updated, unchanged };

    const of = (alias: string) => sql.raw(VERSION_COLUMNS.map((c) => `${alias}.${c}`).join(', '));
    const versions = sql`(
      SELECT 1 AS sign, ${of('s')} FROM ${this.#rows} s LEFT JOIN dossiers d ON ${key}
      WHERE d.id IS NULL OR d.content_hash <> s.content_hash
      UNION ALL
      SELECT -1 AS sign, ${of('d')} FROM ${this.#rows} s JOIN dossiers d ON ${key}
      WHERE d.content_hash <> s.content_hash)`;
    const sums = sql.join(FACT_COLUMNS.map((name) => sql`sum(${sql.ref(name)})::int AS ${sql.ref(name)}`));
    const nonZero = sql.join(FACT_COLUMNS.map((name) => sql`sum(${sql.ref(name)}) <> 0`), sql` OR `);
    const facts = sql.table(this.#facts);
    await sql`CREATE TEMP TABLE ${facts} ON COMMIT DROP AS
      SELECT unit_id, procedure_id, channel, day, ${sums}
      FROM (${factContributions(versions)}) c
      GROUP BY unit_id, procedure_id, channel, day
      HAVING ${nonZero}`.execute(trx);
    const names = sql.join(FACT_COLUMNS.map((name) => sql.ref(name)));
    const increments = sql.join(FACT_COLUMNS.map((name) => sql`${sql.ref(name)} = t.${sql.ref(name)} + excluded.${sql.ref(name)}`));
    await sql`
      INSERT INTO dossier_facts AS t (unit_id, day, procedure_id, channel, ${names})
      SELECT unit_id, day, procedure_id, channel, ${names} FROM ${facts}
      ON CONFLICT (unit_id, day, procedure_id, channel) DO UPDATE SET ${increments}`.execute(trx);
    await sql`
      INSERT INTO dossier_unit_facts AS t (unit_id, day, channel, ${names})
      SELECT unit_id, day, channel, ${sums} FROM ${facts}
      GROUP BY unit_id, day, channel
      HAVING ${nonZero}
      ON CONFLICT (unit_id, day, channel) DO UPDATE SET ${increments}`.execute(trx);

    const columns = sql.join(DOSSIER_COLUMNS.map((c) => sql.ref(c)));
    const assignments = sql.join(UPDATED_COLUMNS.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
    await sql`
      INSERT INTO dossiers (${columns})
      SELECT ${columns} FROM ${this.#rows} ORDER BY line
      ON CONFLICT (source, code, unit_id) DO UPDATE SET ${assignments}, updated_at = now()
      WHERE dossiers.content_hash <> excluded.content_hash`.execute(trx);
    return { inserted, updated, unchanged };
  }

  /** Drops the staging table (a temporary table also goes with its session). */
  async drop(): Promise<void> {
    if (this.#created) await sql`DROP TABLE IF EXISTS ${this.#rows}`.execute(this.db);
    this.#created = false;
  }
}
