import type { UnitLevel } from '../../domain/units/unit';

export interface ScopeUnit {
  name: string;
  level: UnitLevel;
}

/** A commune has no units below it: its charts speak of the commune alone. */
export const hasUnitsBelow = (unit: ScopeUnit): boolean => unit.level !== 'commune';

/** Whose reports a chart counts: "các đơn vị trực thuộc Tỉnh Thái Nguyên", or "Xã Ba Bể". */
export const reportingUnits = (unit: ScopeUnit): string => (hasUnitsBelow(unit) ? `các đơn vị trực thuộc ${unit.name}` : unit.name);

/** Whose dossiers a rate counts: "Tỉnh Thái Nguyên (gồm đơn vị trực thuộc)", or "Xã Ba Bể". */
export const dossierScope = (unit: ScopeUnit): string => (hasUnitsBelow(unit) ? `${unit.name} (gồm đơn vị trực thuộc)` : unit.name);
