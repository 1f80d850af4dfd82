import { SEVERITY_LABELS, type Finding } from '../../domain/templates/validate';

interface Props {
  rowId: string;
  findings: Finding[];
  justificationText: (rule: string, rowId: string) => string;
  onJustify: ((rule: string, rowId: string, text: string) => void) | null;
}

/**
 * The errors (red), warnings (amber) and information (blue, never blocking) of one row, shown under
 * it (so the row's name is not repeated); each warning takes a justification (lời giải trình).
 */
export function RowFindings({ rowId, findings, justificationText, onJustify }: Props) {
  return (
    <ul className="row-findings" id={`findings-${rowId}`} aria-label="Kết quả kiểm tra của dòng">
      {findings.map((f, i) => (
        <li key={`${f.rule}-${i}`} className={`finding finding-${f.severity}`}>
          <span className="finding-tag">{SEVERITY_LABELS[f.severity]}</span>
          <span className="finding-message">{f.message}</span>
          {f.severity === 'warning' && (
            <label className="justification">
              <span>Lời giải trình</span>
              {onJustify ? (
                <textarea
                  rows={1}
                  value={justificationText(f.rule, f.row)}
                  onChange={(e) => onJustify(f.rule, f.row, e.target.value)}
                  placeholder="Giải thích vì sao số liệu vẫn đúng"
                />
              ) : (
                <span className="justification-text">{justificationText(f.rule, f.row) || '—'}</span>
              )}
            </label>
          )}
        </li>
      ))}
    </ul>
  );
}
