import { Link } from 'react-router-dom';
import type { DossierListItem } from '../api/dossiers';
import { formatDate } from '../format/date';
import { formatInstant } from '../format/dateTime';
import { isOverdue } from './labels';

interface Props {
  items: DossierListItem[];
  today: string;
  /** Show the unit column (a province's register spans many communes). */
  showUnit: boolean;
}

export function DossierTable({ items, today, showUnit }: Props) {
  return (
    <div className="table-wrap">
      <table className="table dossier-table" aria-label="Danh sách hồ sơ">
        <thead>
          <tr>
            <th scope="col">Mã hồ sơ</th>
            {showUnit && <th scope="col">Đơn vị</th>}
            <th scope="col">Thủ tục</th>
            <th scope="col">Lĩnh vực</th>
            <th scope="col">Kênh</th>
            <th scope="col">Tiếp nhận</th>
            <th scope="col">Hẹn trả</th>
            <th scope="col">Có kết quả</th>
            <th scope="col">Trạng thái</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              <td className="nowrap">
                <Link to={`/ho-so/${d.id}`} className="mono">
                  {d.code}
                </Link>
              </td>
              {showUnit && <td>{d.unitName}</td>}
              <td className="procedure-cell">
                {d.procedureName} <span className="unit-code">{d.procedureCode}</span>
              </td>
              <td>{d.field}</td>
              <td className="nowrap">{d.channelLabel}</td>
              <td className="nowrap">{formatInstant(d.receivedAt)}</td>
              <td className="nowrap">{formatDate(d.dueDay)}</td>
              <td className="nowrap">{d.finishDay ? formatDate(d.finishDay) : '—'}</td>
              <td className="nowrap">
                <span className={`state state-${d.state}`}>{d.stateLabel}</span>
                {isOverdue(d, today) && <span className="badge badge-late">Quá hạn</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
