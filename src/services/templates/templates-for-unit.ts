import { templateConcerns } from '../../domain/templates/template-scope';
import type { Template } from '../../domain/templates/template';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { shippedTemplates } from './check-report';

/** Code of the province a unit belongs to (itself for a province); null when it has none. */
export async function provinceCodeOf(store: Store, unit: Unit): Promise<string | null> {
  if (unit.level === 'province') return unit.code;
  return (await store.units.ancestors(unit.id)).find((u) => u.level === 'province')?.code ?? null;
}

/**
 * The templates a unit's pickers offer: those of its province (or of every province) made for its
 * level or a level below it, in title order. The unit is checked against the user's area first.
 */
export async function templatesForUnit(store: Store, user: SessionUser, unitId: number): Promise<Template[]> {
  const unit = await assertUnitAccess(store, user, unitId, 'read');
  const viewer = { provinceCode: await provinceCodeOf(store, unit), level: unit.level };
  return [...shippedTemplates().values()].filter((t) => templateConcerns(t, viewer)).sort((a, b) => a.title.localeCompare(b.title, 'vi'));
}
