import { UNIT_LEVEL_RANK, type UnitLevel } from '../units/unit';

/** Who looks at templates: the province their unit belongs to and their unit's level. */
export interface TemplateViewer {
  /** Code of the unit's province ("19"); null when the unit is not under a province. */
  provinceCode: string | null;
  level: UnitLevel;
}

/**
 * A template concerns a unit when its province uses it (a template without `provinces` serves every
 * province) and it is made for the unit's level or a level below it: a commune's officer sees the
 * commune forms, a province's reviewer the forms of the units it reviews.
 */
export function templateConcerns(template: { provinces?: readonly string[] | undefined; levels: readonly UnitLevel[] }, viewer: TemplateViewer): boolean {
  const province = !template.provinces || (viewer.provinceCode !== null && template.provinces.includes(viewer.provinceCode));
  return province && template.levels.some((level) => UNIT_LEVEL_RANK[level] >= UNIT_LEVEL_RANK[viewer.level]);
}
