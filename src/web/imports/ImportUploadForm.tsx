import { useState, type FormEvent } from 'react';
import { formatNumber } from '../format/number';
import { ErrorNotice } from '../ui/ErrorNotice';

interface Props {
  source: string;
  onSourceChange: (source: string) => void;
  busy: boolean;
  onUpload: (file: File) => void;
}

const ACCEPTED = /\.(csv|xlsx)$/i;

/** 1536 → "1,5 KB" (vi-VN decimal comma). */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/** Source name and export file; the upload itself is the page's job. */
export function ImportUploadForm({ source, onSourceChange, busy, onUpload }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!source.trim()) return setError(new Error('Hãy nhập tên nguồn dữ liệu, ví dụ "motcua".'));
    if (!file) return setError(new Error('Hãy chọn tệp .csv hoặc .xlsx để nhập.'));
    if (!ACCEPTED.test(file.name)) return setError(new Error(`Tệp "${file.name}": chỉ nhận tệp .csv hoặc .xlsx.`));
    setError(null);
    onUpload(file);
  };

  return (
    <form className="form panel import-form" onSubmit={onSubmit} aria-labelledby="import-form-title">
      <h2 id="import-form-title">Tải tệp lên</h2>
      <ErrorNotice error={error} />
      <label className="field">
        <span>Nguồn dữ liệu</span>
        <input value={source} onChange={(e) => onSourceChange(e.target.value)} maxLength={60} spellCheck={false} required />
        <small className="hint">Tên phần mềm một cửa đã xuất tệp. Cùng một nguồn, hồ sơ trùng mã được cập nhật thay vì nhập thêm.</small>
      </label>
      <div className="field">
        <span>Tệp xuất (.csv hoặc .xlsx)</span>
        {/* The browser's own file button speaks the browser's language; this one speaks Vietnamese. */}
        <label className="file-picker">
          <input
            type="file"
            className="file-input"
            aria-label="Tệp xuất (.csv hoặc .xlsx)"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <span className="button" aria-hidden="true">
            Chọn tệp…
          </span>
          <span className="file-name">{file ? `${file.name} (${formatBytes(file.size)})` : 'Chưa chọn tệp'}</span>
        </label>
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Đang nhập…' : 'Tải lên và nhập'}
      </button>
    </form>
  );
}
