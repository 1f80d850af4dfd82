import { mayAccessUnit } from '../../domain/auth/access';
import type { ImportRunRecord } from '../../store/repositories/import-runs.repository';
import type { Store } from '../../store/store';
import { noAccess, principalOf } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';

/**
 * An import run as its reader may see it: the importer, or anyone whose scope holds the unit the
 * import was made for (an officer of that unit, a reviewer or admin above it). A run of the CLI
 * (no unit) is seen by nobody on the web. An unknown id answers exactly like a foreign one.
 */
export async function findImportRunFor(store: Store, reader: SessionUser, runId: number): Promise<ImportRunRecord> {
  const run = await store.importRuns.findById(runId);
  if (run && (run.userId === reader.id || (run.unitId !== null && (await mayRead(store, reader, run.unitId))))) return run;
  throw noAccess('import-run');
}

async function mayRead(store: Store, reader: SessionUser, unitId: number): Promise<boolean> {
  return mayAccessUnit(principalOf(reader), unitId, await store.units.isInSubtree(reader.unit.id, unitId), 'read');
}
