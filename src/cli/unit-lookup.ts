import type { Unit } from '../domain/units/unit';
import type { Store } from '../store/store';
import { CliError } from './cli-error';

const validOn = (unit: Unit, date: string) => (unit.validFrom ?? '') <= date && (unit.validTo ?? '9999-12-31') >= date;

/**
 * The units with a code, newest first. A code may name two units across the 2025 reform (19 is
 * Thái Nguyên before and after 01/07/2025); the older one has no start of validity.
 */
export async function unitsByCode(store: Store, code: string): Promise<Unit[]> {
  const units = await store.units.findByCode(code.trim());
  if (units.length === 0) throw new CliError(`--unit: không có đơn vị mã "${code}".`);
  return [...units].sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''));
}

/** The unit with a code in force on a date, or else the newest one. */
export async function unitByCode(store: Store, code: string, on?: string): Promise<Unit> {
  const units = await unitsByCode(store, code);
  return (on ? units.find((u) => validOn(u, on)) : undefined) ?? units[0]!;
}
