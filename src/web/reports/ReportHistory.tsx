import { useState } from 'react';
import type { Template } from '../../domain/templates/template';
import { getReportHistory } from '../api/reports';
import { formatInstant } from '../format/dateTime';
import { formatNumber } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';

const ACTION_LABELS: Record<string, string> = { compute: 'Tính từ hồ sơ', edit: 'Nhập/sửa', import: 'Nhập từ tệp' };

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '(trống)' : typeof value === 'number' ? formatNumber(value) : String(value));

/** The audit log of values, loaded when opened: every change with who, when, row, before and after. */
export function ReportHistory({ reportId, revision, template }: { reportId: number; revision: number; template: Template }) {
  const [open, setOpen] = useState(false);
  const history = useApiQuery(open ? (signal) => getReportHistory(reportId, signal) : null, [open, reportId, revision]);
  const rowName = (id: string) => {
    const row = template.byId.get(id);
    return row ? `${row.code ?? ''} ${row.label}`.trim() : id;
  };
  return (
    <details className="report-history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Nhật ký thay đổi số liệu</summary>
      <ErrorNotice error={history.error} />
      {open && !history.data && !history.error && <LoadingNotice />}
      {history.data && (
        <table className="data-table">
          <thead>
            <tr>
              <th>Phiên bản</th>
              <th>Thời điểm</th>
              <th>Người thực hiện</th>
              <th>Thao tác</th>
              <th>Thay đổi</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((entry) => (
              <tr key={entry.revision}>
                <td>{formatNumber(entry.revision)}</td>
                <td>{formatInstant(entry.at)}</td>
                <td>{entry.userName ?? 'hệ thống'}</td>
                <td>{ACTION_LABELS[entry.action] ?? entry.action}</td>
                <td>
                  {Object.keys(entry.changes).length === 0 ? (
                    <span className="hint">không đổi số liệu</span>
                  ) : (
                    <ul className="change-list">
                      {Object.entries(entry.changes).map(([rowId, change]) => (
                        <li key={rowId}>
                          {rowName(rowId)}: {shown(change.before)} → {shown(change.after)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
