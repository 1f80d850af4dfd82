import { getChangesSinceReturn } from '../api/reports';
import { formatInstant } from '../format/dateTime';
import { formatNumber } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { goToRow } from './FindingsSummary';
import { TextDiff } from './TextDiff';

const shown = (value: number | string | null) => (value === null ? '(trống)' : typeof value === 'number' ? formatNumber(value) : value);

/**
 * After a return: what changed since the version the reviewer returned — each figure (before →
 * after) and the words of each section or field of the document that changed.
 */
export function ChangesSinceReturnPanel({ reportId, revision }: { reportId: number; revision: number }) {
  const loaded = useApiQuery((signal) => getChangesSinceReturn(reportId, signal), [reportId, revision]);
  const changes = loaded.data;
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (!changes) return null;
  const none = changes.values.length === 0 && (changes.text?.length ?? 0) === 0;
  return (
    <section className="panel changes-since-return" aria-labelledby="changes-since-return-title">
      <h2 id="changes-since-return-title">{changes.comparedWith === 'submitted' ? 'Thay đổi so với bản bị trả lại' : 'Đã sửa so với bản bị trả lại'}</h2>
      <p className="hint">
        Trả lại lúc {formatInstant(changes.returnedAt)}
        {changes.comment ? `, lý do: ${changes.comment}` : ''}.
      </p>
      {none && <p>Không có số liệu hay nội dung nào thay đổi.</p>}
      {changes.values.length > 0 && (
        <table className="data-table" aria-label="Số liệu thay đổi so với bản bị trả lại">
          <thead>
            <tr>
              <th scope="col">Dòng</th>
              <th scope="col">Bản bị trả lại</th>
              <th scope="col">{changes.comparedWith === 'submitted' ? 'Bản gửi lại' : 'Hiện tại'}</th>
            </tr>
          </thead>
          <tbody>
            {changes.values.map((c) => (
              <tr key={c.rowId}>
                <td>
                  <a
                    href={`#row-${c.rowId}`}
                    onClick={(event) => {
                      event.preventDefault();
                      goToRow(c.rowId);
                    }}
                  >
                    {c.label}
                  </a>
                </td>
                <td className="number">{shown(c.before)}</td>
                <td className="number">{shown(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.text === null && <p className="hint">Bản bị trả lại không lưu văn bản, nên không so được phần nội dung.</p>}
      {changes.text && changes.text.length > 0 && (
        <dl className="text-changes" aria-label="Nội dung thay đổi so với bản bị trả lại">
          {changes.text.map((t) => (
            <div key={t.target}>
              <dt>{t.label}</dt>
              <dd>
                <TextDiff before={t.before} after={t.after} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
