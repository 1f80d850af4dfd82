import type { ReactNode } from 'react';
import { formatNumber } from '../format/number';
import { findingsSummary, type FindingCounts } from './draft';

interface Props {
  unsaved: number;
  busy: 'save' | 'recompute' | null;
  counts: FindingCounts;
  onSave: () => void;
  onRecompute: () => void;
  /** The answer to the last action (the server's message), kept in sight with the buttons. */
  children?: ReactNode;
}

/**
 * Stays at the top of the screen while the table scrolls: save, recompute, whether anything is
 * unsaved, how many errors and warnings remain, and what the server said.
 */
export function ReportToolbar({ unsaved, busy, counts, onSave, onRecompute, children }: Props) {
  const clean = counts.errors === 0 && counts.warnings === 0;
  return (
    <div className="report-toolbar">
      <div className="toolbar-row" role="toolbar" aria-label="Thao tác với báo cáo">
        <button type="button" className="button button-primary" onClick={onSave} disabled={busy !== null || unsaved === 0}>
          {busy === 'save' ? 'Đang lưu…' : 'Lưu nháp'}
        </button>
        <button
          type="button"
          className="button"
          onClick={onRecompute}
          disabled={busy !== null}
          title="Tính lại các chỉ tiêu tự động từ hồ sơ hiện có; các số đã nhập và đã sửa được giữ nguyên"
        >
          {busy === 'recompute' ? 'Đang tính lại…' : 'Tính lại từ hồ sơ'}
        </button>
        <span className={`save-state${unsaved > 0 ? ' save-state-dirty' : ''}`}>
          {unsaved > 0 ? `Có ${formatNumber(unsaved)} thay đổi chưa lưu` : 'Đã lưu mọi thay đổi'}
        </span>
        <a
          href="#findings-title"
          className={`toolbar-findings ${counts.errors > 0 ? 'toolbar-findings-error' : clean ? 'toolbar-findings-ok' : 'toolbar-findings-warning'}`}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('findings-title')?.scrollIntoView({ block: 'start' });
          }}
        >
          {findingsSummary(counts)}
        </a>
      </div>
      {children}
    </div>
  );
}
