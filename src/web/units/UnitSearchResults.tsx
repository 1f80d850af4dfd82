import { listUnits } from '../api/units';
import { formatNumber } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { UnitLabel } from './UnitLabel';
import { UnitRowMarks } from './UnitRowMarks';

const LIMIT = 50;
export const MIN_QUERY_LENGTH = 2;

interface Props {
  query: string;
  asOf: string;
  withinId: number | null;
  selectedId: number | null;
  myUnitId: number;
  onSelect: (unitId: number) => void;
}

/** Matches of a name search (the server ignores diacritics: "thinh duc" finds "Thịnh Đức"). */
export function UnitSearchResults({ query, asOf, withinId, selectedId, myUnitId, onSelect }: Props) {
  const q = query.trim();
  const long = q.length >= MIN_QUERY_LENGTH;
  const results = useApiQuery(
    long ? (signal) => listUnits({ q, asOf, limit: LIMIT, ...(withinId ? { withinId } : {}) }, signal) : null,
    [q, long, asOf, withinId],
  );

  if (!long) return <p className="hint">Nhập ít nhất {MIN_QUERY_LENGTH} ký tự để tìm.</p>;
  if (results.error) return <ErrorNotice error={results.error} />;
  if (!results.data) return <LoadingNotice text="Đang tìm…" />;
  const units = results.data;
  return (
    <div className="search-results" aria-busy={results.loading}>
      <p className="result-count" role="status">
        {units.length === 0
          ? `Không tìm thấy đơn vị nào khớp với “${q}”.`
          : units.length >= LIMIT
            ? `Hiển thị ${formatNumber(units.length)} kết quả đầu tiên — hãy gõ cụ thể hơn.`
            : `Tìm thấy ${formatNumber(units.length)} đơn vị.`}
      </p>
      {units.length > 0 && (
        <ul className="result-list" aria-label="Kết quả tìm kiếm">
          {units.map((unit) => (
            <li key={unit.id} className={`tree-row${unit.id === selectedId ? ' is-selected' : ''}`}>
              <button
                type="button"
                className="unit-row-button"
                aria-current={unit.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(unit.id)}
              >
                <UnitLabel unit={unit} />
              </button>
              <UnitRowMarks node={unit} mine={unit.id === myUnitId} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
