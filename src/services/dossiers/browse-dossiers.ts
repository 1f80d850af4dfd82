import { CHANNELS, DOSSIER_STATES, type Channel, type DossierState } from '../../domain/dossiers/dossier';
import { allowedEvents } from '../../domain/dossiers/lifecycle';
import type { Store } from '../../store/store';
import type { DossierFilter } from '../../store/repositories/dossiers.repository';
import { assertUnitAccess, noAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { invalidInput } from '../errors';
import { DESK_SOURCE } from './record-at-desk';
import { parseDateTime } from '../../domain/calendar/date-time';
import { eventsFromExport } from '../../domain/dossiers/events';
import type { DossierRecord, DossierEventRecord } from '../../store/repositories/dossiers.repository';

/** An imported dossier's timeline, read from the dates its export carried. */
function importedTimeline(dossier: DossierRecord & { updatedAt?: string }): DossierEventRecord[] {
  const at = (iso: string | null) => (iso ? parseDateTime(iso) : null);
  return eventsFromExport(
    { state: dossier.state, receivedAt: at(dossier.receivedAt)!, resultAt: at(dossier.resultAt), deliveredAt: at(dossier.deliveredAt) },
    dossier.updatedAt ?? dossier.receivedAt,
  ).map((event, index) => ({ id: -(index + 1), at: new Date(event.at).toISOString(), kind: event.kind, actor: `Nhập từ ${dossier.source}`, note: event.note }));
}

export interface BrowseQuery {
  unitId: number;
  field?: string;
  procedureId?: number;
  channel?: string;
  state?: string;
  overdueOn?: string;
  receivedFrom?: string;
  receivedTo?: string;
  code?: string;
  page?: number;
  pageSize?: number;
}

/** The dossier register of a unit's subtree, filtered and paged. */
export async function browseDossiers(store: Store, user: SessionUser, query: BrowseQuery) {
  await assertUnitAccess(store, user, query.unitId, 'read');
  if (query.channel && !CHANNELS.includes(query.channel as Channel)) throw invalidInput(`Kênh "${query.channel}" không hợp lệ.`);
  if (query.state && !DOSSIER_STATES.includes(query.state as DossierState)) throw invalidInput(`Trạng thái "${query.state}" không hợp lệ.`);
  const unitIds = [...(await store.units.subtreeIds(query.unitId))];
  const filter: DossierFilter = {
    unitIds,
    page: Math.max(1, query.page ?? 1),
    pageSize: Math.min(Math.max(1, query.pageSize ?? 50), 500),
    ...(query.field ? { field: query.field } : {}),
    ...(query.procedureId ? { procedureId: query.procedureId } : {}),
    ...(query.channel ? { channel: query.channel as Channel } : {}),
    ...(query.state ? { state: query.state as DossierState } : {}),
    ...(query.overdueOn ? { overdueOn: query.overdueOn } : {}),
    ...(query.receivedFrom ? { receivedFrom: query.receivedFrom } : {}),
    ...(query.receivedTo ? { receivedTo: query.receivedTo } : {}),
    ...(query.code ? { code: query.code } : {}),
  };
  const [page, fields] = await Promise.all([store.dossiers.search(filter), store.dossiers.fields(unitIds)]);
  return { ...page, page: filter.page, pageSize: filter.pageSize, fields };
}

/** One dossier with its timeline and the steps the user may take next. */
export async function getDossier(store: Store, user: SessionUser, dossierId: number) {
  const dossier = await store.dossiers.findById(dossierId);
  if (!dossier) throw noAccess('dossier');
  const unit = await assertUnitAccess(store, user, dossier.unitId, 'read', 'dossier');
  const procedure = (await store.procedures.all()).find((p) => p.id === dossier.procedureId)!;
  const events = dossier.source === DESK_SOURCE ? await store.dossiers.events(dossier.id) : importedTimeline(dossier);
  const editable = dossier.source === DESK_SOURCE && (user.role !== 'officer' || user.unit.id === unit.id);
  return { dossier, unit, procedure, events, nextSteps: editable ? allowedEvents(dossier.state) : [] };
}
