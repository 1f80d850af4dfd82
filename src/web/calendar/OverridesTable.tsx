import type { CalendarOverride } from '../api/calendar';
import type { Unit } from '../api/types';
import { formatDate } from '../format/date';
import { kindLabel } from './dayKinds';

interface Props {
  year: number;
  overrides: CalendarOverride[];
  province: Unit;
  /** The province's units by code, to name a unit's own day. */
  unitsByCode: Map<string, Unit>;
  busyId: number | null;
  onEdit: (override: CalendarOverride) => void;
  onDelete: (override: CalendarOverride) => void;
}

/** The province's own days of the year, for the admin to correct or remove. */
export function OverridesTable({ year, overrides, province, unitsByCode, busyId, onEdit, onDelete }: Props) {
  if (overrides.length === 0) return <p className="hint">Tỉnh chưa khai báo ngày riêng nào trong năm {year}.</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={`Ngày riêng của tỉnh năm ${year}`}>
        <thead>
          <tr>
            <th scope="col">Ngày</th>
            <th scope="col">Loại ngày</th>
            <th scope="col">Lý do</th>
            <th scope="col">Căn cứ</th>
            <th scope="col">Phạm vi</th>
            <th scope="col">
              <span className="visually-hidden">Thao tác</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {overrides.map((o) => {
            const scope = o.unitCode ? (unitsByCode.get(o.unitCode)?.name ?? `Đơn vị mã ${o.unitCode}`) : `Toàn tỉnh (${province.name})`;
            return (
              <tr key={o.id}>
                <td className="nowrap">{formatDate(o.date)}</td>
                <td className="nowrap">{kindLabel(o.kind)}</td>
                <td>{o.reason}</td>
                <td className="legal-ref">{o.legalRef ?? '—'}</td>
                <td>{scope}</td>
                <td className="actions">
                  <button type="button" className="button button-small" aria-label={`Sửa ngày ${formatDate(o.date)}`} onClick={() => onEdit(o)}>
                    Sửa
                  </button>{' '}
                  <button
                    type="button"
                    className="button button-small button-danger"
                    aria-label={`Xóa ngày ${formatDate(o.date)}`}
                    disabled={busyId === o.id}
                    onClick={() => onDelete(o)}
                  >
                    Xóa
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
