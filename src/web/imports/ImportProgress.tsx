import { formatNumber } from '../format/number';
import type { ImportProgressState } from './useImportUpload';

/** Two bars: the file going up (bytes sent), then the server reading it (rows read). */
export function ImportProgress({ state }: { state: ImportProgressState }) {
  if (state.phase === 'idle') return null;
  const uploadPct = Math.round(state.uploaded * 100);
  const processing = state.phase === 'processing';
  const finished = state.phase === 'done';
  const expected = state.expectedRows;
  const processed = finished ? 1 : expected ? Math.min(0.99, state.rowsRead / Math.max(1, expected)) : undefined;
  return (
    <div className="import-progress panel" aria-live="polite">
      <div className="progress-row">
        <label htmlFor="upload-progress">1. Tải tệp {state.fileName ? `“${state.fileName}”` : ''} lên máy chủ</label>
        <progress id="upload-progress" max={1} value={state.uploaded} />
        <span className="progress-text">{formatNumber(uploadPct)}%</span>
      </div>
      {(processing || finished || (state.phase === 'failed' && state.uploaded === 1)) && (
        <div className="progress-row">
          <label htmlFor="process-progress">2. Kiểm tra và ghi hồ sơ</label>
          {processed === undefined ? <progress id="process-progress" /> : <progress id="process-progress" max={1} value={processed} />}
          <span className="progress-text" role="status">
            {finished
              ? `Hoàn tất: đã xử lý ${formatNumber(state.rowsRead)} dòng.`
              : state.phase === 'failed'
                ? 'Không thành công.'
                : `Đã xử lý ${formatNumber(state.rowsRead)}${expected ? `/${formatNumber(expected)}` : ''} dòng…`}
          </span>
        </div>
      )}
    </div>
  );
}
