import type { Store } from '../../store/store';

const positiveId = (value: unknown): number | undefined => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

const field = (source: unknown, key: string): unknown =>
  source && typeof source === 'object' && !Array.isArray(source) ? (source as Record<string, unknown>)[key] : undefined;

/**
 * The unit whose data a request touched, from the ids it names (a report, a dossier, an account,
 * a unit), so the event is readable by that unit's admins. Undefined when nothing names a unit:
 * the event then belongs to the actor's unit.
 */
export async function subjectUnitOf(store: Store, input: { params?: unknown; body?: unknown; query?: unknown }): Promise<number | undefined> {
  const { params, body, query } = input;
  const unitId = positiveId(field(params, 'unitId')) ?? positiveId(field(body, 'unitId')) ?? positiveId(field(query, 'unitId'));
  if (unitId !== undefined) return (await store.units.findById(unitId)) ? unitId : undefined;
  const reportId = positiveId(field(params, 'reportId'));
  if (reportId !== undefined) {
    const row = await store.db.selectFrom('reports').select('unit_id').where('id', '=', reportId).executeTakeFirst();
    return row?.unit_id;
  }
  const dossierId = positiveId(field(params, 'dossierId'));
  if (dossierId !== undefined) {
    const row = await store.db.selectFrom('dossiers').select('unit_id').where('id', '=', dossierId).executeTakeFirst();
    return row?.unit_id;
  }
  const userId = positiveId(field(params, 'userId'));
  if (userId !== undefined) return (await store.users.findById(userId))?.unitId;
  return undefined;
}
