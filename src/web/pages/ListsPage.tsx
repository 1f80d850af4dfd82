import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { deleteListRow, importListFile, loadList, saveListRow, type ListColumn, type ListKind, type ListRow } from '../api/lists';
import { useCurrentUser } from '../auth/SessionContext';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';

const KINDS: Array<{ kind: ListKind; label: string }> = [
  { kind: 'procedures', label: 'Danh mục TTHC' },
  { kind: 'staff', label: 'Cán bộ, công chức' },
  { kind: 'equipment', label: 'Trang thiết bị, hệ thống' },
  { kind: 'documents', label: 'Văn bản điện tử' },
  { kind: 'activities', label: 'Thông tin, tuyên truyền' },
];

const isKind = (value: string | null): value is ListKind => KINDS.some((k) => k.kind === value);

/**
 * What the unit keeps once and every report reads: its procedure list and its registers. Each is a
 * table with a form to add or correct a row and a CSV/XLSX import; report rows computed from them
 * link here ("Sửa sổ").
 */
export function ListsPage() {
  useDocumentTitle('Danh mục TTHC và sổ theo dõi');
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('so');
  const kind: ListKind = isKind(kindParam) ? kindParam : 'procedures';
  const unitId = Number(params.get('donVi')) || me.unit.id;
  const list = useApiQuery((signal) => loadList(unitId, kind, signal), [unitId, kind]);
  const [editing, setEditing] = useState<ListRow | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = (next: ListKind) => {
    setEditing(null);
    setMessage(null);
    setError(null);
    const query: Record<string, string> = { so: next };
    if (params.get('donVi')) query.donVi = params.get('donVi')!;
    setParams(query);
  };

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
      list.reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const onImport = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) {
      setError(new Error('Chưa chọn tệp để nhập.'));
      return;
    }
    void run(async () => {
      const result = await importListFile(unitId, kind, file);
      input.value = '';
      return `Đã nhập ${result.rows.toLocaleString('vi-VN')} dòng từ tệp "${file.name}".`;
    });
  };

  return (
    <section className="lists-page">
      <h1>Danh mục TTHC và sổ theo dõi{list.data ? ` — ${list.data.unit.name}` : ''}</h1>
      <p className="hint">
        Ghi một lần, dùng cho mọi kỳ báo cáo: các dòng của biểu mẫu lấy số từ danh mục và sổ (tại ngày cuối kỳ, hoặc cộng trong kỳ). Xem cách tính ở{' '}
        <Link to="/bao-cao">Báo cáo</Link>.
      </p>
      <nav aria-label="Chọn sổ" className="tabs">
        {KINDS.map((k) => (
          <button key={k.kind} type="button" aria-pressed={k.kind === kind} className={k.kind === kind ? 'tab tab-active' : 'tab'} onClick={() => choose(k.kind)}>
            {k.label}
          </button>
        ))}
      </nav>
      {message && <Notice kind="success">{message}</Notice>}
      <ErrorNotice error={error} />
      {list.loading && !list.data && <LoadingNotice />}
      <ErrorNotice error={list.error} />
      {list.data && (
        <>
          <h2>{list.data.title}</h2>
          <form className="list-import" aria-label="Nhập tệp" onSubmit={onImport}>
            <label>
              Tệp CSV/XLSX <input type="file" name="file" accept=".csv,.xlsx" />
            </label>
            <button type="submit" disabled={busy}>
              Nhập tệp
            </button>
            <small className="hint">Cột: {list.data.columns.map((c) => c.header).join(', ')}.</small>
          </form>
          {editing ? (
            <RowForm
              key={editing === 'new' ? 'new' : editing.id}
              columns={list.data.columns}
              row={editing === 'new' ? null : editing}
              busy={busy}
              onCancel={() => setEditing(null)}
              onSave={(cells) =>
                void run(async () => {
                  await saveListRow(unitId, kind, cells, editing === 'new' ? undefined : editing.id);
                  setEditing(null);
                  return 'Đã lưu.';
                })
              }
            />
          ) : (
            <button type="button" onClick={() => setEditing('new')}>
              Thêm dòng
            </button>
          )}
          {list.data.rows.length === 0 ? (
            <Notice kind="info">Chưa có dòng nào. Thêm dòng hoặc nhập tệp; khi chưa có, các dòng báo cáo lấy số từ đây được nhập tay.</Notice>
          ) : (
            <div className="table-scroll">
              <table className="list-table">
                <thead>
                  <tr>
                    {list.data.columns.map((c) => (
                      <th key={c.key} scope="col">
                        {c.header}
                      </th>
                    ))}
                    <th scope="col">
                      <span className="visually-hidden">Thao tác</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.rows.map((row) => (
                    <tr key={row.id}>
                      {list.data!.columns.map((c) => (
                        <td key={c.key}>{row.cells[c.key] ?? ''}</td>
                      ))}
                      <td>
                        <button type="button" onClick={() => setEditing(row)} aria-label={`Sửa dòng ${Object.values(row.cells)[0] ?? ''}`}>
                          Sửa
                        </button>{' '}
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() => {
                            if (!window.confirm('Xóa dòng này? Dòng nhập nhầm mới xóa; người nghỉ, thiết bị thôi dùng, thủ tục bãi bỏ thì ghi "Đến ngày".')) return;
                            void run(async () => {
                              await deleteListRow(unitId, kind, row.id);
                              return 'Đã xóa.';
                            });
                          }}
                        >
                          Xóa
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function RowForm({ columns, row, busy, onSave, onCancel }: { columns: ListColumn[]; row: ListRow | null; busy: boolean; onSave: (cells: Record<string, string>) => void; onCancel: () => void }) {
  const [cells, setCells] = useState<Record<string, string>>(() => ({ ...(row?.cells ?? {}) }));
  const set = (key: string, value: string) => setCells((c) => ({ ...c, [key]: value }));
  return (
    <form
      className="list-row-form"
      aria-label={row ? 'Sửa dòng' : 'Thêm dòng'}
      onSubmit={(event) => {
        event.preventDefault();
        onSave(cells);
      }}
    >
      <fieldset>
        <legend>{row ? 'Sửa dòng' : 'Thêm dòng'}</legend>
        {columns.map((c) => (
          <label key={c.key}>
            {c.header}
            {c.options ? (
              <select value={cells[c.key] ?? ''} onChange={(e) => set(c.key, e.target.value)}>
                {!c.options.includes('') && <option value="">—</option>}
                {c.options.map((o) => (
                  <option key={o} value={o}>
                    {o || '—'}
                  </option>
                ))}
              </select>
            ) : (
              <input
                value={cells[c.key] ?? ''}
                onChange={(e) => set(c.key, e.target.value)}
                placeholder={c.key === 'startDay' || c.key === 'endDay' || c.key === 'validFrom' || c.key === 'validTo' ? 'dd/mm/yyyy' : undefined}
              />
            )}
          </label>
        ))}
        <button type="submit" disabled={busy}>
          Lưu
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Hủy
        </button>
      </fieldset>
    </form>
  );
}
