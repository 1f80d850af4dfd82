import type { TemplateJson } from '../api/reports';
import type { Obligation, ObligationPeriodKind } from '../api/review';
import { orderedKinds } from './periods';

/**
 * The template a user most likely means, among those of their province: the one their own unit
 * asks reports for, else one an obligation they can see (their province's) names, else the first
 * template made for communes, else the first.
 */
export function defaultTemplateId(templates: ReadonlyArray<Pick<TemplateJson, 'id' | 'levels'>>, obligations: readonly Obligation[], unitId: number): string | null {
  const usable = new Set(templates.map((t) => t.id));
  const own = obligations.find((o) => o.unit.id === unitId && usable.has(o.templateId));
  const any = obligations.find((o) => usable.has(o.templateId));
  return own?.templateId ?? any?.templateId ?? templates.find((t) => t.levels.includes('commune'))?.id ?? templates[0]?.id ?? null;
}

/** The kind of period to look at: the asked one if the template has it, else the obligation's first, else the template's first. */
export function chooseKind(template: TemplateJson, asked: string | null, obligation: Obligation | undefined): ObligationPeriodKind | null {
  const kinds = orderedKinds(template.periods);
  if (asked && kinds.includes(asked as ObligationPeriodKind)) return asked as ObligationPeriodKind;
  const fromObligation = obligation ? orderedKinds(obligation.periodKinds).find((k) => kinds.includes(k)) : undefined;
  return fromObligation ?? kinds[0] ?? null;
}

/** The obligation that speaks for a unit and a template: its own, else the one named as in force. */
export function obligationOf(obligations: readonly Obligation[], unitId: number, templateId: string, inForceSetBy: number | null): Obligation | undefined {
  const forTemplate = obligations.filter((o) => o.templateId === templateId);
  return forTemplate.find((o) => o.unit.id === unitId) ?? forTemplate.find((o) => o.unit.id === inForceSetBy);
}
