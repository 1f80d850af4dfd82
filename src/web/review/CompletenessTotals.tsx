import type { CompletenessMatrix, Totals } from '../api/review';
import { formatDate } from '../format/date';
import { formatNumber } from '../format/number';
import { percentText } from './format';

/** Expected, received, on time… per period and in all, with the two rates. */
export function CompletenessTotals({ matrix }: { matrix: CompletenessMatrix }) {
  const deadline = new Map(matrix.periods.map((p) => [p.periodId, p.deadline]));
  return (
    <div className="table-wrap">
      <table className="table table-compact completeness-totals" aria-label="Tổng hợp tình hình nộp báo cáo">
        <thead>
          <tr>
            <th scope="col">Kỳ báo cáo</th>
            <th scope="col">Hạn gửi</th>
            <th scope="col" className="num">Phải gửi</th>
            <th scope="col" className="num">Đã gửi</th>
            <th scope="col" className="num">Đúng hạn</th>
            <th scope="col" className="num">Trễ hạn</th>
            <th scope="col" className="num">Quá hạn, chưa gửi</th>
            <th scope="col" className="num">Bị trả lại</th>
            <th scope="col" className="num">Đã duyệt</th>
            <th scope="col" className="num">Tỷ lệ đã gửi</th>
            <th scope="col" className="num">Tỷ lệ đúng hạn</th>
          </tr>
        </thead>
        <tbody>
          {matrix.byPeriod.map((p) => (
            <TotalsRow key={p.periodId} label={p.label} deadline={formatDate(deadline.get(p.periodId))} totals={p} />
          ))}
        </tbody>
        {matrix.byPeriod.length > 1 && (
          <tfoot>
            <TotalsRow label="Cộng" deadline="" totals={matrix.totals} total />
          </tfoot>
        )}
      </table>
    </div>
  );
}

function TotalsRow({ label, deadline, totals, total = false }: { label: string; deadline: string; totals: Totals; total?: boolean }) {
  const n = (value: number) => <td className="num">{formatNumber(value)}</td>;
  return (
    <tr className={total ? 'total-row' : undefined}>
      <th scope="row">{label}</th>
      <td className="nowrap">{deadline}</td>
      {n(totals.expected)}
      {n(totals.received)}
      {n(totals.onTime)}
      {n(totals.late)}
      <td className={`num${totals.overdue > 0 ? ' late-value' : ''}`}>{formatNumber(totals.overdue)}</td>
      {n(totals.returned)}
      {n(totals.approved)}
      <td className="num nowrap">{percentText(totals.receivedPct)}</td>
      <td className="num nowrap">{percentText(totals.onTimePct)}</td>
    </tr>
  );
}
