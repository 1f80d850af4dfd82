import { mayAccessUnit, mayManageUsers } from '../../domain/auth/access';
import type { Unit } from '../../domain/units/unit';
import { DAY_KINDS, type DayKind } from '../../domain/calendar/schedule';
import { formatDateVi, parseDate } from '../../domain/text/iso-date';
import type { Store } from '../../store/store';
import type { CalendarOverrideRecord } from '../../store/repositories/calendar-overrides.repository';
import { assertUnitAccess, noAccess, principalOf } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { forbidden, invalidInput } from '../errors';
import { provinceOf } from './unit-calendar';

export const OVERRIDE_KINDS = [...DAY_KINDS, 'workday'] as const;
export type OverrideKind = DayKind | 'workday';

export interface SetOverrideInput {
  date: string;
  kind: string;
  reason: string;
  legalRef?: string | null;
  /** The province itself (a provincial day) or one unit of its subtree (that unit's own day). */
  unitId: number;
}

function assertAdmin(actor: SessionUser): void {
  if (!mayManageUsers(principalOf(actor))) throw forbidden('Chỉ quản trị viên được sửa lịch làm việc.');
}

/** Lists the local days of the admin's province (and of its units) in a year. */
export async function listCalendarOverrides(store: Store, actor: SessionUser, year?: number): Promise<CalendarOverrideRecord[]> {
  const province = await provinceOf(store, actor.unit);
  return store.calendarOverrides.listForProvince(province.code, year);
}

/** Adds or corrects a day for a province or a unit; the change and what it replaced are audited. */
export async function setCalendarOverride(store: Store, actor: SessionUser, input: SetOverrideInput): Promise<CalendarOverrideRecord> {
  assertAdmin(actor);
  const date = parseDate(input.date);
  const problems: string[] = [];
  if (!date) problems.push(`Ngày "${input.date}" không hợp lệ.`);
  if (!OVERRIDE_KINDS.includes(input.kind as OverrideKind)) problems.push(`Loại ngày "${input.kind}" không hợp lệ.`);
  if (!input.reason.trim()) problems.push('Cần ghi lý do (ví dụ: "Nghỉ lễ kỷ niệm ngày giải phóng tỉnh").');
  if (problems.length > 0) throw invalidInput(problems.join(' '));
  const unit = await assertUnitAccess(store, actor, input.unitId, 'write');
  const province = await provinceOf(store, unit);
  return store.transaction(async (repos) => {
    const { record, previous } = await repos.calendarOverrides.upsert({
      date: date!,
      kind: input.kind as OverrideKind,
      reason: input.reason.trim(),
      legalRef: input.legalRef?.trim() || null,
      provinceCode: province.code,
      unitCode: unit.id === province.id ? null : unit.code,
      createdBy: actor.id,
    });
    await repos.audit.record({
      userId: actor.id,
      action: 'calendar.override.set',
      unitId: unit.id,
      subject: `${formatDateVi(record.date)} ${record.unitCode ?? record.provinceCode}`,
      details: { record, previous: previous ?? null },
    });
    return record;
  });
}

/**
 * Deletes a local day under the same rule as adding one: the day's unit (the province for a
 * provincial day) must lie in the admin's subtree. An unknown id answers like a foreign one.
 */
export async function deleteCalendarOverride(store: Store, actor: SessionUser, id: number): Promise<void> {
  assertAdmin(actor);
  const record = await store.calendarOverrides.findById(id);
  const owner = record ? await overrideOwner(store, actor, record) : undefined;
  if (!record || !owner) throw noAccess('calendar-day');
  await store.transaction(async (repos) => {
    await repos.calendarOverrides.delete(id);
    await repos.audit.record({ userId: actor.id, action: 'calendar.override.delete', unitId: owner.id, subject: formatDateVi(record.date), details: { record } });
  });
}

/** The unit a local day belongs to (its unit, or its province), when the actor may write it. */
async function overrideOwner(store: Store, actor: SessionUser, record: CalendarOverrideRecord): Promise<Unit | undefined> {
  const candidates = await store.units.findByCode(record.unitCode ?? record.provinceCode);
  for (const unit of candidates) {
    if (record.unitCode === null && unit.level !== 'province' && unit.parentId !== null) continue;
    const inSubtree = await store.units.isInSubtree(actor.unit.id, unit.id);
    if (mayAccessUnit(principalOf(actor), unit.id, inSubtree, 'write')) return unit;
  }
  return undefined;
}
