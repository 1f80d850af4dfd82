import { rejectedRowsUrl, type ImportResult } from '../api/imports';
import { formatNumber } from '../format/number';

/** What an import did: counts, then every rejected row's line, column, value and reason. */
export function ImportResultPanel({ result }: { result: ImportResult }) {
  const counts = [
    { label: 'Thêm mới', value: result.inserted, className: 'count-ok' },
    { label: 'Cập nhật', value: result.updated, className: 'count-ok' },
    { label: 'Không thay đổi', value: result.unchanged, className: '' },
    { label: 'Bị từ chối', value: result.rejected, className: result.rejected > 0 ? 'count-bad' : '' },
  ];
  return (
    <section className="panel import-result" aria-labelledby="import-result-title">
      <h2 id="import-result-title">Kết quả nhập</h2>
      <dl className="counts">
        {counts.map((c) => (
          <div key={c.label} className={`count ${c.className}`}>
            <dt>{c.label}</dt>
            <dd>{formatNumber(c.value)}</dd>
          </div>
        ))}
      </dl>
      {result.rejected > 0 && (
        <>
          <p>
            Các dòng bị từ chối không được nhập; các dòng còn lại đã được ghi.{' '}
            <a href={rejectedRowsUrl(result.runId)} download={`dong-bi-tu-choi-${result.runId}.xlsx`}>
              Tải các dòng bị từ chối (XLSX, kèm lý do)
            </a>{' '}
            để sửa rồi nhập lại.
          </p>
          {result.errors.length < result.rejected && (
            <p className="hint">Bảng dưới chỉ hiện {formatNumber(result.errors.length)} lỗi đầu tiên; tệp XLSX có đủ các dòng.</p>
          )}
          <div className="table-wrap">
            <table className="table table-compact" aria-label="Các dòng bị từ chối">
              <thead>
                <tr>
                  <th scope="col">Dòng</th>
                  <th scope="col">Cột</th>
                  <th scope="col">Giá trị</th>
                  <th scope="col">Lý do</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`}>
                    <td className="num">{formatNumber(e.row)}</td>
                    <td className="nowrap">{e.column}</td>
                    <td className="mono">{e.value || '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
