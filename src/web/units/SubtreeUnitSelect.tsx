import { useState } from 'react';
import type { Unit } from '../api/types';
import { getUnitDetail } from '../api/units';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { UnitPicker } from './UnitPicker';

interface Props {
  /** The user's own unit: the default, and the subtree searched. */
  home: Unit;
  /** The unit chosen (from the address), or null for `home`. */
  unitId: number | null;
  asOf: string;
  onChange: (unit: Unit) => void;
  label?: string;
}

/**
 * The unit a reviewer's or admin's page looks at: their own by default, or one unit of their
 * subtree found by name. A unit known only by its id (a reloaded address) is looked up.
 */
export function SubtreeUnitSelect({ home, unitId, asOf, onChange, label = 'Đơn vị' }: Props) {
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<Unit | null>(null);
  const needsLookup = unitId !== null && unitId !== home.id && picked?.id !== unitId;
  const lookup = useApiQuery(needsLookup ? (signal) => getUnitDetail(unitId, undefined, signal) : null, [needsLookup, unitId]);
  const current = unitId === null || unitId === home.id ? home : picked?.id === unitId ? picked : (lookup.data?.unit ?? null);

  return (
    <div className="subtree-unit">
      <UnitPicker
        scope={home}
        asOf={asOf}
        label={label}
        value={picking ? null : current}
        onChange={(unit) => {
          if (!unit) return setPicking(true);
          setPicked(unit);
          setPicking(false);
          onChange(unit);
        }}
      />
      <ErrorNotice error={lookup.error} />
    </div>
  );
}
