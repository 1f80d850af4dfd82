interface Props {
  query: string;
  onQueryChange: (query: string) => void;
  nationwide: boolean;
  onNationwideChange: (nationwide: boolean) => void;
  /** Name of the province searched by default, or null when there is none. */
  scopeName: string | null;
}

export function UnitSearchBox({ query, onQueryChange, nationwide, onNationwideChange, scopeName }: Props) {
  return (
    <div className="search-box" role="search">
      <label className="field">
        <span>Tìm đơn vị theo tên</span>
        <input
          type="search"
          value={query}
          placeholder="Gõ tên, có dấu hoặc không dấu — ví dụ: thinh duc"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onQueryChange(e.target.value)}
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={nationwide} onChange={(e) => onNationwideChange(e.target.checked)} disabled={!scopeName} />
        <span>Tìm trên toàn quốc</span>
      </label>
      <p className="hint">{nationwide || !scopeName ? 'Đang tìm trên toàn quốc.' : `Đang tìm trong ${scopeName}.`}</p>
    </div>
  );
}
