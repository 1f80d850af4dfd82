import { useId, useState } from 'react';
import { listUnits } from '../api/units';
import type { Unit } from '../api/types';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { UnitLabel } from './UnitLabel';

interface Props {
  /** Units are searched in this unit's subtree (the user's province), in force on `asOf`. */
  scope: Unit;
  asOf: string;
  value: Unit | null;
  onChange: (unit: Unit | null) => void;
  /** The field's label; "Đơn vị" unless told. */
  label?: string;
}

/** Chooses a unit of the user's subtree by typing part of its name (diacritics optional). */
export function UnitPicker({ scope, asOf, value, onChange, label = 'Đơn vị' }: Props) {
  const inputId = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 300);
  const results = useApiQuery(
    debounced.length >= 2 ? (signal) => listUnits({ q: debounced, withinId: scope.id, asOf, limit: 20 }, signal) : null,
    [debounced, scope.id, asOf],
  );

  const pick = (unit: Unit) => {
    setQuery('');
    onChange(unit);
  };

  if (value) {
    return (
      <div className="field">
        <span>{label}</span>
        <div className="picked-unit">
          <span className="picked-unit-name" role="group" aria-label={`${label} đã chọn`}>
            <UnitLabel unit={value} />
          </span>
          <button type="button" className="button button-quiet" onClick={() => onChange(null)}>
            Chọn đơn vị khác
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="field unit-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        placeholder={`Gõ tên đơn vị trong ${scope.name}`}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <button type="button" className="link-button" onClick={() => pick(scope)}>
        Dùng {scope.name}
      </button>
      <ErrorNotice error={results.error} />
      {results.data && (
        <ul className="picker-results" aria-label="Đơn vị tìm thấy">
          {results.data.length === 0 && <li className="hint">Không tìm thấy đơn vị nào.</li>}
          {results.data.map((unit) => (
            <li key={unit.id}>
              <button type="button" className="unit-row-button" onClick={() => pick(unit)}>
                <UnitLabel unit={unit} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
