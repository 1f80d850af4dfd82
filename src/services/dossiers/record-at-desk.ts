import { dossierDueDate } from '../../domain/calendar/deadline';
import { formatDateTime, parseDateTime } from '../../domain/calendar/date-time';
import { CHANNELS, isFinished, RATINGS, type Channel, type Rating } from '../../domain/dossiers/dossier';
import { EVENT_KINDS, EVENT_LABELS, type DossierEventKind } from '../../domain/dossiers/events';
import { FactDeltas } from '../../domain/dossiers/facts';
import { dateRangeProblem, DOSSIER_MIN_DATE } from '../../domain/import/input-bounds';
import { contentHashOf, factsViewOf } from './dossier-write';
import { nextState, pauseIntervals } from '../../domain/dossiers/lifecycle';
import type { Store } from '../../store/store';
import type { DossierRecord, DossierWrite } from '../../store/repositories/dossiers.repository';
import { assertUnitAccess, noAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { forbidden, invalidInput } from '../errors';
import { unitCalendar } from '../calendar/unit-calendar';

export const DESK_SOURCE = 'desk';



/**
 * A desk time as typed, within the bounds of any dossier date (docs/import-files.md): not before
 * the one-stop shops existed, not after today (a day of slack for time zones).
 */
function parseInstant(text: string | undefined, field: string, now: Date): ReturnType<typeof parseDateTime> {
  let instant: ReturnType<typeof parseDateTime>;
  try {
    instant = parseDateTime(text ?? now.toISOString());
  } catch {
    throw invalidInput(`${field}: thời điểm "${text}" không hợp lệ (dd/mm/yyyy HH:mm hoặc YYYY-MM-DDTHH:mm).`);
  }
  const latest = new Date(now.getTime() + 24 * 60 * 60_000).toISOString().slice(0, 10);
  const problem = dateRangeProblem(instant.date, DOSSIER_MIN_DATE, latest, 'ở tương lai');
  if (problem) throw invalidInput(`${field}: ${problem}`);
  return instant;
}

export interface ReceiveInput {
  unitId: number;
  procedureId: number;
  channel: string;
  receivedAt?: string;
  digitizedInput?: boolean;
  hasFee?: boolean;
  paidOnline?: boolean;
  note?: string;
}

/** Records a dossier received at the desk; its appointment date follows from the calendar. */
export async function receiveAtDesk(store: Store, actor: SessionUser, input: ReceiveInput, now = new Date()): Promise<DossierRecord> {
  const unit = await assertUnitAccess(store, actor, input.unitId, 'write');
  if (!CHANNELS.includes(input.channel as Channel)) throw invalidInput(`Kênh tiếp nhận "${input.channel}" không hợp lệ.`);
  const procedure = (await store.procedures.all()).find((p) => p.id === input.procedureId);
  if (!procedure) throw invalidInput('Không có thủ tục này trong danh mục.');
  const received = parseInstant(input.receivedAt, 'Ngày tiếp nhận', now);
  const calendar = await unitCalendar(store, unit);
  const due = dossierDueDate(calendar, { receivedAt: formatDateTime(received), workingDays: procedure.statutoryDays });
  return store.transaction(async (repos) => {
    const code = await repos.dossiers.nextDeskCode(unit.code, received.date);
    const write: Omit<DossierWrite, 'contentHash'> = {
      source: DESK_SOURCE,
      code,
      unitId: unit.id,
      procedureId: procedure.id,
      channel: input.channel as Channel,
      onlineMode: procedure.onlineMode,
      state: 'processing',
      receivedAt: formatDateTime(received),
      receivedDay: received.date,
      dueAt: due.dueAt,
      dueDay: due.dueDate,
      dueFromSource: false,
      resultAt: null,
      deliveredAt: null,
      finishDay: null,
      digitizedInput: input.digitizedInput ?? false,
      digitizedOutput: false,
      hasFee: input.hasFee ?? procedure.hasFee,
      paidOnline: input.paidOnline ?? false,
      rating: null,
    };
    const ids = await repos.dossiers.upsertMany([{ ...write, contentHash: contentHashOf(write) }]);
    const id = ids.get(code)!;
    await repos.dossiers.appendEvent({ dossierId: id, at: write.receivedAt, kind: 'received', actor: actor.displayName, note: input.note ?? null });
    const deltas = new FactDeltas();
    deltas.replace(null, factsViewOf(write));
    await repos.dossiers.applyFactDeltas(deltas.rows());
    return { ...write, id };
  });
}

export interface EventInput {
  kind: string;
  at?: string;
  note?: string;
  digitizedOutput?: boolean;
  rating?: string | null;
}

/**
 * Moves a desk dossier one step (supplement requested/provided, paused/resumed, resolved,
 * delivered, returned, withdrawn). The clock stops while it waits for the citizen: on resumption
 * the appointment date is pushed back by the working days spent waiting.
 */
export async function recordDeskEvent(store: Store, actor: SessionUser, dossierId: number, input: EventInput, now = new Date()) {
  const dossier = await store.dossiers.findById(dossierId);
  if (!dossier) throw noAccess('dossier');
  const unit = await assertUnitAccess(store, actor, dossier.unitId, 'write', 'dossier');
  if (dossier.source !== DESK_SOURCE) {
    throw forbidden(`Hồ sơ này được nhập từ "${dossier.source}": hãy cập nhật bằng cách nhập lại tệp xuất mới từ phần mềm một cửa.`);
  }
  if (!EVENT_KINDS.includes(input.kind as DossierEventKind) || input.kind === 'received') {
    throw invalidInput(`Bước xử lý "${input.kind}" không hợp lệ.`);
  }
  const kind = input.kind as DossierEventKind;
  const step = nextState(dossier.state, kind);
  if ('error' in step) throw invalidInput(step.error);
  const at = parseInstant(input.at, 'Thời điểm', now);
  const atIso = formatDateTime(at);
  const events = await store.dossiers.events(dossier.id);
  const last = events.at(-1);
  if (last && new Date(atIso) < new Date(last.at)) {
    throw invalidInput(`Thời điểm phải sau bước trước (${EVENT_LABELS[last.kind as DossierEventKind] ?? last.kind}).`);
  }
  if (input.rating && !RATINGS.includes(input.rating as Rating)) throw invalidInput(`Đánh giá "${input.rating}" không hợp lệ.`);

  const { id: _id, updatedAt: _updatedAt, ...before } = dossier;
  const after: Omit<DossierWrite, 'contentHash'> = { ...before, state: step.state };
  if (kind === 'resolved') {
    after.resultAt = atIso;
    after.digitizedOutput = input.digitizedOutput ?? false;
  }
  if (kind === 'delivered') {
    after.deliveredAt = atIso;
    if (input.rating !== undefined) after.rating = (input.rating as Rating | null) ?? null;
  }
  if (kind === 'returned' || kind === 'withdrawn') after.resultAt = atIso;
  if (isFinished(step.state)) after.finishDay = (after.resultAt ? parseDateTime(after.resultAt) : at).date;
  if (kind === 'supplement_provided' || kind === 'resumed') {
    const procedure = (await store.procedures.all()).find((p) => p.id === dossier.procedureId)!;
    const pauses = pauseIntervals([...events, { kind, at: atIso }]).map((p) => ({ from: p.from, ...(p.to ? { to: p.to } : {}) }));
    const due = dossierDueDate(await unitCalendar(store, unit), { receivedAt: dossier.receivedAt, workingDays: procedure.statutoryDays, pauses });
    after.dueAt = due.dueAt;
    after.dueDay = due.dueDate;
  }
  return store.transaction(async (repos) => {
    await repos.dossiers.upsertMany([{ ...after, contentHash: contentHashOf(after) }]);
    await repos.dossiers.appendEvent({ dossierId: dossier.id, at: atIso, kind, actor: actor.displayName, note: input.note ?? null });
    const deltas = new FactDeltas();
    deltas.replace(factsViewOf(before), factsViewOf(after));
    await repos.dossiers.applyFactDeltas(deltas.rows());
    return { ...after, id: dossier.id };
  });
}
