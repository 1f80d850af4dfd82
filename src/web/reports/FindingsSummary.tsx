import type { Template } from '../../domain/templates/template';
import { rowTitle, SEVERITY_LABELS, type Finding } from '../../domain/templates/validate';
import { countFindings, findingsSummary } from './draft';

interface Props {
  template: Template;
  findings: Finding[];
  source: 'live' | 'saved';
  /** Whether a warning has its justification (typed or saved). */
  justified: (finding: Finding) => boolean;
}

/** Moves to a row of the table and puts the cursor in its field. */
export function goToRow(rowId: string): void {
  const row = document.getElementById(`row-${rowId}`);
  if (!row) return;
  row.scrollIntoView({ block: 'center' });
  row.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
}

/** "3 lỗi, 1 cảnh báo" above the table, each finding a link to its row. */
export function FindingsSummary({ template, findings, source, justified }: Props) {
  const counts = countFindings(findings);
  const clean = findings.length === 0;
  const kind = counts.errors > 0 ? 'error' : counts.warnings > 0 ? 'warning' : 'ok';
  // Errors first (they block sending), then warnings, then information; each kind in the order of the printed rows.
  const order = new Map(template.rows.map((r, i) => [r.id, i]));
  const rank = (f: Finding) => ({ error: 0, warning: 1, information: 2 })[f.severity];
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b) || (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0));
  return (
    <section className={`findings-summary findings-${kind}`} aria-labelledby="findings-title">
      <h2 id="findings-title">
        <span role="status">{clean ? 'Không có lỗi hay cảnh báo' : findingsSummary(counts)}</span>
        <small className="findings-source">{source === 'live' ? ' — kiểm tra ngay khi nhập, chưa lưu' : ' — kết quả kiểm tra của máy chủ khi lưu'}</small>
      </h2>
      {clean ? (
        <p className="hint">Số liệu đã nhập khớp với các quy tắc kiểm tra của biểu mẫu.</p>
      ) : (
        <>
          <p className="hint">
            {counts.errors > 0 && 'Lỗi phải sửa trước khi gửi báo cáo. '}
            {counts.warnings > 0 && 'Mỗi cảnh báo cần lời giải trình (nhập ngay dưới dòng có cảnh báo). '}
            {(counts.information ?? 0) > 0 && 'Thông tin chỉ để biết, không chặn việc gửi.'}
          </p>
          <ul className="findings-list">
            {sorted.map((f, i) => {
              const row = template.byId.get(f.row);
              return (
                <li key={`${f.row}-${f.rule}-${i}`} className={`summary-${f.severity}`}>
                  <a
                    href={`#row-${f.row}`}
                    onClick={(e) => {
                      e.preventDefault();
                      goToRow(f.row);
                    }}
                  >
                    {SEVERITY_LABELS[f.severity]} · {row ? rowTitle(row) : f.row}
                  </a>
                  : {f.message}
                  {f.severity === 'warning' && justified(f) && <span className="justified"> — đã giải trình</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
