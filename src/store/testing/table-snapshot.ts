import { sql } from 'kysely';
import type { Store } from '../store';

const TABLES = ['units', 'procedures', 'dossiers', 'dossier_events', 'dossier_facts', 'dossier_unit_facts', 'import_runs', 'audit_log'];
/** Tables a run that rejects rows still writes: the record of the run and its audit line. */
const RUN_RECORDS = new Set(['import_runs', 'audit_log']);

/** Every stored row of the data tables, as a count and a digest: equal before and after means nothing was stored. */
export async function snapshot(store: Store, withRunRecords: boolean): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    if (!withRunRecords && RUN_RECORDS.has(table)) continue;
    const { rows } = await sql<{ n: string; digest: string | null }>`SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${sql.table(table)} t`.execute(store.db);
    result[table] = `${rows[0]!.n}:${rows[0]!.digest ?? ''}`;
  }
  return result;
}
