import { sql } from 'kysely';
import type { Store } from '../store';

const DATA_TABLES = ['units', 'procedures', 'dossiers', 'dossier_events', 'dossier_facts', 'dossier_unit_facts'];

export interface SnapshotScope {
  /** Include the record of import runs (a run that rejects rows still writes one; a refused file does not). */
  importRuns: boolean;
  /** Include the audit trail (every attempt through the web app is audited, refused ones too). */
  auditLog: boolean;
}

/** Every stored row of the data tables, as a count and a digest: equal before and after means nothing was stored. */
export async function snapshot(store: Store, scope: SnapshotScope): Promise<Record<string, string>> {
  const tables = [...DATA_TABLES, ...(scope.importRuns ? ['import_runs'] : []), ...(scope.auditLog ? ['audit_log'] : [])];
  const result: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await sql<{ n: string; digest: string | null }>`SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${sql.table(table)} t`.execute(store.db);
    result[table] = `${rows[0]!.n}:${rows[0]!.digest ?? ''}`;
  }
  return result;
}
