interface Props {
  year: number;
  min: number;
  max: number;
  onChange: (year: number) => void;
}

/** Previous year, a year list, next year. */
export function YearSwitcher({ year, min, max, onChange }: Props) {
  const years = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <div className="year-switcher" role="group" aria-label="Chọn năm">
      <button type="button" className="button button-small" disabled={year <= min} onClick={() => onChange(year - 1)}>
        ‹ Năm {year - 1}
      </button>
      <label className="field field-inline">
        <span>Năm</span>
        <select value={year} onChange={(e) => onChange(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button-small" disabled={year >= max} onClick={() => onChange(year + 1)}>
        Năm {year + 1} ›
      </button>
    </div>
  );
}
