import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { getImportSource } from '../api/imports';
import { isAdmin } from '../auth/roles';
import { useCurrentUser } from '../auth/SessionContext';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { CanonicalColumns } from '../imports/CanonicalColumns';
import { ColumnMapForm } from '../imports/ColumnMapForm';
import { ImportProgress } from '../imports/ImportProgress';
import { ImportResultPanel } from '../imports/ImportResultPanel';
import { ImportUploadForm } from '../imports/ImportUploadForm';
import { SampleFileButton } from '../imports/SampleFileButton';
import { todayInVietnam } from '../format/dateTime';
import { useImportUpload } from '../imports/useImportUpload';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';

const SOURCE_NAME = /^[\p{L}\p{N} ._-]{1,60}$/u;

export function ImportPage() {
  useDocumentTitle('Nhập hồ sơ');
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const [source, setSource] = useState('motcua');
  const [progress, upload] = useImportUpload();
  const debounced = useDebouncedValue(source.trim(), 400);
  const validSource = SOURCE_NAME.test(debounced);
  const sourceInfo = useApiQuery(validSource ? (signal) => getImportSource(debounced, signal) : null, [debounced, validSource]);
  const busy = progress.phase === 'uploading' || progress.phase === 'processing';

  return (
    <section className="page import-page">
      <h1>Nhập hồ sơ</h1>
      <p className="lead">
        Nhập tệp CSV hoặc Excel (.xlsx) xuất từ phần mềm một cửa {user.role === 'officer' ? `của ${user.unit.name}` : `của các đơn vị thuộc ${user.unit.name}`}.
        Nhập lại tệp mới hơn sẽ cập nhật trạng thái các hồ sơ đã có. Xem kết quả tại trang <Link to="/ho-so">Hồ sơ</Link> và{' '}
        <Link to="/thong-ke">Thống kê</Link>.
      </p>
      <div className="import-layout">
        <div className="import-main">
          <ImportUploadForm source={source} onSourceChange={setSource} busy={busy} onUpload={(file) => void upload(source.trim(), file)} />
          <ImportProgress state={progress} />
          <ErrorNotice error={progress.error} />
          {progress.result && <ImportResultPanel result={progress.result} />}
        </div>
        <aside className="panel import-help" aria-labelledby="import-help-title">
          <h2 id="import-help-title">Các cột của tệp</h2>
          <SampleFileButton unit={user.unit} today={today} />
          <ErrorNotice error={sourceInfo.error} />
          {sourceInfo.loading && !sourceInfo.data && <LoadingNotice />}
          {!validSource && <p className="hint">Tên nguồn chỉ gồm chữ, số, khoảng trắng và . _ -</p>}
          {sourceInfo.data && <CanonicalColumns source={sourceInfo.data} />}
        </aside>
      </div>
      {isAdmin(user) && sourceInfo.data && (
        <section className="panel" aria-label="Khai báo cột">
          <ColumnMapForm key={sourceInfo.data.source} source={sourceInfo.data} onSaved={sourceInfo.reload} />
        </section>
      )}
    </section>
  );
}
