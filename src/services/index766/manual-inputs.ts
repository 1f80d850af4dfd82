import { todayInVietnam } from '../../domain/calendar/date-time';
import type { ManualInputDef } from '../../domain/index766/profile';
import type { Unit } from '../../domain/units/unit';
import { Index766Repository } from '../../store/repositories/index766.repository';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { invalidInput } from '../errors';
import { readableUnit } from './compute-index';
import { profiles, resolveProfile } from './profile-files';

/** The largest value of one manual input (a month of one unit): far above any commune or province. */
export const MAX_INPUT_VALUE = 10_000_000;

export interface InputRow extends ManualInputDef {
  value: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface InputsResult {
  unit: Unit;
  month: string;
  profileId: string;
  inputs: InputRow[];
}

/** "2026-10" → the first day of that month, or a Vietnamese 400. */
export function readMonth(text: string, today: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12 || Number(m[1]) < 2000) throw invalidInput(`Tháng "${text}" không hợp lệ: ghi dạng YYYY-MM, ví dụ 2026-10.`);
  const first = `${m[1]}-${m[2]}-01`;
  if (first > today) throw invalidInput(`Tháng ${m[2]}/${m[1]} chưa bắt đầu: chưa nhập được số liệu.`);
  return first;
}

/** Every manual input any loaded profile declares, by key (the first declaration's label wins). */
export function declaredInputs(): Map<string, ManualInputDef> {
  const out = new Map<string, ManualInputDef>();
  for (const profile of profiles().values()) for (const input of profile.manual_inputs) if (!out.has(input.key)) out.set(input.key, input);
  return out;
}

/** The manual inputs a profile asks for, with the values the unit itself entered for a month. */
export async function index766Inputs(
  store: Store,
  user: SessionUser | null,
  query: { unitId: number; month: string; profileId?: string; today?: string },
): Promise<InputsResult> {
  const unit = await readableUnit(store, user, query.unitId);
  const month = readMonth(query.month, query.today ?? todayInVietnam());
  const profile = resolveProfile(query.profileId, month);
  const saved = new Map((await new Index766Repository(store.db).inputsOf(unit.id, month)).map((r) => [r.key, r]));
  return {
    unit,
    month: month.slice(0, 7),
    profileId: profile.id,
    inputs: profile.manual_inputs.map((def) => {
      const row = saved.get(def.key);
      return { ...def, value: row?.value ?? null, updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
    }),
  };
}

/**
 * Saves a unit's own manual inputs for a month (null clears one). Only keys a profile declares, whole
 * numbers from 0 to 10.000.000; an officer for its own unit, a reviewer or admin within its subtree.
 */
export async function saveIndex766Inputs(
  store: Store,
  user: SessionUser | null,
  input: { unitId: number; month: string; values: Record<string, number | null>; today?: string },
): Promise<InputsResult> {
  const unit = await readableUnit(store, user, input.unitId, 'write');
  const month = readMonth(input.month, input.today ?? todayInVietnam());
  const declared = declaredInputs();
  const problems: string[] = [];
  const values = Object.entries(input.values).map(([key, value]) => {
    if (!declared.has(key)) problems.push(`Không có số liệu nhập tay "${key}".`);
    else if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_INPUT_VALUE)) {
      problems.push(`"${declared.get(key)!.label}": phải là số nguyên từ 0 đến ${MAX_INPUT_VALUE.toLocaleString('vi-VN')}.`);
    }
    return { key, value };
  });
  if (values.length === 0) problems.push('Chưa có số liệu nào để lưu.');
  if (problems.length > 0) throw invalidInput(problems.join(' '));
  await new Index766Repository(store.db).upsertInputs(unit.id, month, values, user?.id ?? null);
  return index766Inputs(store, user, { unitId: unit.id, month: month.slice(0, 7), ...(input.today ? { today: input.today } : {}) });
}
