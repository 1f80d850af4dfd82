import type { Unit } from '../api/types';

/** The chain of parent units, province first; each link opens that unit. */
export function UnitBreadcrumb({ unit, ancestors, onSelect }: { unit: Unit; ancestors: Unit[]; onSelect: (id: number) => void }) {
  const chain = [...ancestors].reverse();
  return (
    <nav className="breadcrumb" aria-label="Đơn vị cấp trên">
      <ol>
        {chain.map((parent) => (
          <li key={parent.id}>
            <button type="button" className="link-button" onClick={() => onSelect(parent.id)}>
              {parent.name}
            </button>
          </li>
        ))}
        <li aria-current="location">{unit.name}</li>
      </ol>
    </nav>
  );
}
