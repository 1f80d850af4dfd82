import type { ReviewAttention } from '../api/reports';
import { formatDate } from '../format/date';
import { formatInstant } from '../format/dateTime';
import { formatNumber } from '../format/number';
import { goToRow } from './FindingsSummary';

const shown = (value: number | string | null) => (value === null ? '(trống)' : typeof value === 'number' ? formatNumber(value) : value);

function RowLink({ rowId, label }: { rowId: string; label: string }) {
  return (
    <a
      href={`#row-${rowId}`}
      onClick={(event) => {
        event.preventDefault();
        goToRow(rowId);
      }}
    >
      {label}
    </a>
  );
}

/**
 * At the top of a sent report, what the reviewer must see before approving: a submission made
 * before the data window ended (with its reason), every figure corrected by hand (what the system
 * computed, what the unit wrote, why), every justified warning, and the required rows marked
 * "không phát sinh".
 */
export function ReviewAttentionPanel({ attention }: { attention: ReviewAttention }) {
  const { early, overrides, justified, notApplicable } = attention;
  const nothing = !early && overrides.length === 0 && justified.length === 0 && notApplicable.length === 0;
  return (
    <section className="panel review-attention" aria-labelledby="review-attention-title">
      <h2 id="review-attention-title">Điểm cần xem khi duyệt</h2>
      {nothing && <p className="hint">Báo cáo gửi sau khi hết kỳ lấy số liệu, không có số liệu sửa tay, cảnh báo hay dòng bắt buộc ghi "không phát sinh".</p>}
      {early && (
        <p className="attention-early">
          <strong>Gửi trước khi hết kỳ lấy số liệu</strong> (số liệu tính đến hết ngày {formatDate(early.windowTo)}, gửi lúc {formatInstant(early.at)}). Lý do:{' '}
          {early.reason}
        </p>
      )}
      {overrides.length > 0 && (
        <>
          <h3>Số liệu tự động đã được sửa tay ({overrides.length})</h3>
          <table className="data-table" aria-label="Số liệu tự động đã được sửa tay">
            <thead>
              <tr>
                <th scope="col">Dòng</th>
                <th scope="col">Hệ thống tính</th>
                <th scope="col">Báo cáo ghi</th>
                <th scope="col">Lý do sửa</th>
              </tr>
            </thead>
            <tbody>
              {overrides.map((o) => (
                <tr key={o.rowId}>
                  <td>
                    <RowLink rowId={o.rowId} label={o.label} />
                  </td>
                  <td className="number">{shown(o.computed)}</td>
                  <td className="number">{shown(o.value)}</td>
                  <td>{o.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {justified.length > 0 && (
        <>
          <h3>Cảnh báo đã giải trình ({justified.length})</h3>
          <ul aria-label="Cảnh báo đã giải trình">
            {justified.map((j) => (
              <li key={`${j.rule}|${j.rowId}`}>
                <RowLink rowId={j.rowId} label={j.label} />: {j.message} <em>Giải trình: {j.text}</em>
              </li>
            ))}
          </ul>
        </>
      )}
      {notApplicable.length > 0 && (
        <>
          <h3>Dòng bắt buộc ghi "không phát sinh" ({notApplicable.length})</h3>
          <ul aria-label='Dòng bắt buộc ghi "không phát sinh"' className="attention-rows">
            {notApplicable.map((r) => (
              <li key={r.rowId}>
                <RowLink rowId={r.rowId} label={r.label} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
