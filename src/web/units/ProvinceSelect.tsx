import type { UnitNode } from '../api/types';

interface Props {
  provinces: UnitNode[];
  value: string;
  onChange: (code: string) => void;
}

/** Which province's tree to browse (the user's own by default); provinces of the chosen era. */
export function ProvinceSelect({ provinces, value, onChange }: Props) {
  const known = provinces.some((p) => p.code === value);
  return (
    <label className="field field-inline">
      <span>Tỉnh, thành phố</span>
      <select value={known ? value : ''} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value="">— Chọn tỉnh, thành phố —</option>}
        {provinces.map((p) => (
          <option key={p.id} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
