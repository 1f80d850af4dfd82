import { useState, type FormEvent } from 'react';
import { saveColumnMap, type ImportSource } from '../api/imports';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';

interface Props {
  source: ImportSource;
  onSaved: () => void;
}

/** An admin names, for each field, the header their one-stop software writes ("Khai báo cột"). */
export function ColumnMapForm({ source, onSaved }: Props) {
  const [map, setMap] = useState<Record<string, string>>(source.columnMap);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      // Every field is sent (the server's schema lists them all); an empty header means "the standard names".
      const cleaned = Object.fromEntries(Object.keys(source.canonical).map((field) => [field, (map[field] ?? '').trim()]));
      const saved = await saveColumnMap(source.source, cleaned);
      setMap(saved.columnMap);
      setMessage(`Đã lưu cách đọc cột cho nguồn “${saved.source}”.`);
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form column-map" onSubmit={onSubmit} aria-labelledby="column-map-title">
      <h2 id="column-map-title">Khai báo cột cho nguồn “{source.source}”</h2>
      <p className="hint">
        Nếu tệp xuất của phần mềm một cửa đặt tên cột khác, hãy ghi tên cột đó bên cạnh trường tương ứng. Để trống: dùng tên chuẩn và các tên
        tương đương. Cách đọc cột lưu ở đây là của đơn vị bạn: áp dụng cho đơn vị bạn và các đơn vị trực thuộc chưa khai báo riêng, không
        ảnh hưởng đơn vị khác.
      </p>
      {source.savedFor !== source.unitId && Object.keys(source.columnMap).length > 0 && (
        <p className="hint">
          {source.savedFor === null ? 'Đang dùng cách đọc cột mặc định của hệ thống.' : 'Đang dùng cách đọc cột do cấp trên khai báo.'} Lưu ở đây sẽ
          tạo cách đọc riêng của đơn vị bạn.
        </p>
      )}
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={error} />
      <div className="column-map-grid">
        {Object.entries(source.canonical).map(([field, headers]) => (
          <label key={field} className="field">
            <span>{headers[0]}</span>
            <input
              value={map[field] ?? ''}
              onChange={(e) => setMap({ ...map, [field]: e.target.value })}
              placeholder="Để trống: tên chuẩn"
              title={`Tên chuẩn và tên tương đương: ${headers.join(', ')}`}
              maxLength={200}
            />
          </label>
        ))}
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Đang lưu…' : 'Lưu cách đọc cột'}
      </button>
    </form>
  );
}
