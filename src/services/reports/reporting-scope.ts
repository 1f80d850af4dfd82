import { dateInVietnam } from '../../domain/calendar/date-time';
import { DEFAULT_DEADLINE_DAYS, type ObligationPeriodKind } from '../../domain/reports/obligations';
import type { Template } from '../../domain/templates/template';
import type { Unit } from '../../domain/units/unit';
import type { Repositories } from '../../store/store';
import { invalidInput } from '../errors';
import { shippedTemplates } from '../templates/check-report';

export function templateById(id: string): Template {
  const template = shippedTemplates().get(id);
  if (!template) throw invalidInput(`Không có biểu mẫu "${id}".`);
  return template;
}

const validOn = (unit: Unit, date: string) => (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || unit.validTo >= date);

/**
 * The unit as it stood on a date: itself, or — across the 2025 reorganisation — the unit with the
 * same code in force then (Thái Nguyên 19 before 01/07/2025 is the three-level province 19).
 */
export async function unitOn(repos: Repositories, unit: Unit, date: string): Promise<Unit | null> {
  if (validOn(unit, date)) return unit;
  return (await repos.units.findByCodeOn(unit.code, date)) ?? null;
}

/** The units that report on a template inside a unit's area on a date (the unit itself included). */
export async function reportingUnits(repos: Repositories, scope: Unit, template: Template, date: string): Promise<Unit[]> {
  const then = await unitOn(repos, scope, date);
  if (!then) return [];
  return (await repos.units.subtree(then.id, date)).filter((u) => template.levels.includes(u.level));
}

export interface EffectiveObligation {
  /** The unit that set it, or null for the template's own default. */
  setBy: Unit | null;
  periodKinds: ObligationPeriodKind[];
  deadlineDays: number;
}

/**
 * The obligation that applies to a unit for a template: the one set by the nearest unit above it
 * (or itself), matched by code so that it also covers the units of before 01/07/2025; otherwise the
 * template's periods and deadline.
 */
export async function obligationFor(repos: Repositories, unit: Unit, template: Template): Promise<EffectiveObligation> {
  const obligations = (await repos.obligations.list()).filter((o) => o.templateId === template.id);
  if (obligations.length > 0) {
    const chain = [unit, ...(await repos.units.ancestors(unit.id))];
    const setters = new Map((await Promise.all(obligations.map(async (o) => [o, await repos.units.findById(o.unitId)] as const))).filter(([, u]) => u));
    for (const link of chain) {
      for (const [obligation, setter] of setters) {
        if (setter!.code === link.code && setter!.level === link.level) {
          return { setBy: setter!, periodKinds: obligation.periodKinds as ObligationPeriodKind[], deadlineDays: obligation.deadlineDays };
        }
      }
    }
  }
  return { setBy: null, periodKinds: [...template.periods], deadlineDays: template.deadline_days ?? DEFAULT_DEADLINE_DAYS };
}

/** The Vietnamese date of a stored instant, if any. */
export const dayInVietnam = (instant: string | null) => (instant === null ? null : dateInVietnam(instant));
