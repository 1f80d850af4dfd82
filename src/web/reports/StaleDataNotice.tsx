import { getStaleData, type Report } from '../api/reports';
import { useApiQuery } from '../hooks/useApiQuery';
import { goToRow } from './FindingsSummary';

interface Props {
  report: Report;
  /** Recompute the report (draft or returned, for its unit): manual values and corrections are kept. */
  onRecompute: (() => void) | null;
  busy: boolean;
}

/**
 * Stale data (#11 item 5): dossiers imported or recorded after the report was computed change some
 * of its figures. Shows each with the report's figure and the one the dossiers give now, and what
 * to do: recompute a draft or returned report; reopen an approved one for correction.
 */
export function StaleDataNotice({ report, onRecompute, busy }: Props) {
  const loaded = useApiQuery((signal) => getStaleData(report.id, signal), [report.id, report.revision, report.status]);
  const stale = loaded.data;
  if (!stale || stale.figures.length === 0) return null;
  const canReopen = report.actions.some((a) => a.action === 'reopen');
  return (
    <section className="notice notice-warning stale-data" role="status" aria-labelledby="stale-data-title">
      <h2 id="stale-data-title">Số liệu hồ sơ đã thay đổi sau khi tính báo cáo</h2>
      <p>Hồ sơ nhập hoặc cập nhật sau khi tính báo cáo làm thay đổi {stale.figures.length} chỉ tiêu (số trong báo cáo → số tính từ hồ sơ hiện có):</p>
      <ul>
        {stale.figures.map((figure, i) => (
          <li key={figure.rowId}>
            <a
              href={`#row-${figure.rowId}`}
              onClick={(event) => {
                event.preventDefault();
                goToRow(figure.rowId);
              }}
            >
              {stale.lines[i]}
            </a>
          </li>
        ))}
      </ul>
      {onRecompute ? (
        <p>
          <button type="button" className="button button-primary" onClick={onRecompute} disabled={busy}>
            {busy ? 'Đang tính lại…' : 'Tính lại'}
          </button>{' '}
          <span className="hint">Các số đã nhập tay và số đã sửa (kèm lý do) được giữ nguyên.</span>
        </p>
      ) : report.status === 'approved' ? (
        <p>
          {canReopen
            ? 'Báo cáo đã duyệt: bấm “Mở lại để đính chính” (ghi lý do) để đơn vị tính lại và gửi lại; bản đã duyệt vẫn được dùng để tổng hợp cho đến khi duyệt lại.'
            : 'Báo cáo đã duyệt: cấp duyệt có thể mở lại để đính chính.'}
        </p>
      ) : report.status === 'submitted' ? (
        <p>Báo cáo đang chờ duyệt: cấp duyệt có thể trả lại để đơn vị tính lại.</p>
      ) : null}
    </section>
  );
}
