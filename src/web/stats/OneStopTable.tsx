import type { DossierStats } from '../api/stats';
import { formatNumber, formatRate } from '../format/number';

export interface OneStopRow {
  key: string;
  label: string;
  stats: DossierStats;
  total?: boolean;
}

interface Props {
  caption: string;
  /** Heading of the first column: "Đơn vị", "Lĩnh vực". */
  rowHeading: string;
  rows: OneStopRow[];
}

/** The numbers of a row, in the order of the columns below. */
function cells(s: DossierStats): Array<number | string> {
  return [
    s.received.carried_over,
    s.received.in_period,
    s.received.direct,
    s.received.online,
    s.received.postal,
    s.received.total,
    s.resolved.total,
    s.resolved.early,
    s.resolved.on_time,
    s.resolved.late,
    s.pending.total,
    s.pending.in_time,
    s.pending.overdue,
    s.returned,
    s.withdrawn,
    formatRate(s.rates.on_time_pct),
  ];
}

/** The usual one-stop report table (tình hình giải quyết hồ sơ TTHC), one row per unit or field. */
export function OneStopTable({ caption, rowHeading, rows }: Props) {
  return (
    <div className="table-wrap">
      <table className="table stats-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {rowHeading}
            </th>
            <th scope="col" rowSpan={2}>
              Tồn kỳ trước
            </th>
            <th scope="colgroup" colSpan={4}>
              Tiếp nhận trong kỳ
            </th>
            <th scope="col" rowSpan={2}>
              Tổng số phải giải quyết
            </th>
            <th scope="colgroup" colSpan={4}>
              Đã giải quyết
            </th>
            <th scope="colgroup" colSpan={3}>
              Đang giải quyết
            </th>
            <th scope="col" rowSpan={2}>
              Trả lại
            </th>
            <th scope="col" rowSpan={2}>
              Rút
            </th>
            <th scope="col" rowSpan={2}>
              Tỷ lệ đúng hạn
            </th>
          </tr>
          <tr>
            <th scope="col">Tổng</th>
            <th scope="col">Trực tiếp</th>
            <th scope="col">Trực tuyến</th>
            <th scope="col">Bưu chính</th>
            <th scope="col">Tổng</th>
            <th scope="col">Trước hạn</th>
            <th scope="col">Đúng hạn</th>
            <th scope="col">Quá hạn</th>
            <th scope="col">Tổng</th>
            <th scope="col">Trong hạn</th>
            <th scope="col">Quá hạn</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.total ? 'total-row' : undefined}>
              <th scope="row">{row.label}</th>
              {cells(row.stats).map((value, i) => (
                <td key={i} className={typeof value === 'number' ? 'num' : 'rate'}>
                  {typeof value === 'number' ? formatNumber(value) : value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
