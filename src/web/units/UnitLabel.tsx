import type { Unit } from '../api/types';
import { levelLabel } from './levelLabel';

/** Code, name and level of a unit, as shown on every row. */
export function UnitLabel({ unit }: { unit: Unit }) {
  return (
    <>
      <span className="unit-code">{unit.code}</span>
      <span className="unit-name">{unit.name}</span>
      <span className="unit-level">{levelLabel(unit)}</span>
    </>
  );
}
