import { isComputedHere, type ReportValue } from '../../domain/reports/report-values';
import type { TemplateRow } from '../../domain/templates/template';
import type { Edit } from './draft';
import { rowName } from './template';
import { displayText, inputText } from './values';
import { ValueInput } from './ValueInput';

interface Props {
  row: TemplateRow;
  /** As stored on the server. */
  saved: ReportValue | undefined;
  /** With the edits applied and the formulas recomputed. */
  live: ReportValue | undefined;
  edit: Edit | undefined;
  onEdit: (edit: Edit | null) => void;
  readOnly: boolean;
  labelledBy: string;
  describedBy: string | undefined;
  invalid: boolean;
}

/**
 * The "Số liệu" cell. A manual row is a field. A computed row shows its value read-only with
 * "Sửa" to override it (a reason is required); an overridden row shows what the system computed
 * beside it, the reason, and "Bỏ sửa".
 */
export function ValueCell({ row, saved, live, edit, onEdit, readOnly, labelledBy, describedBy, invalid }: Props) {
  if (row.kind === 'heading') return null;
  const name = rowName(row);

  if (!isComputedHere(row, saved)) {
    if (readOnly) return <span className="value-read">{displayText(row, saved?.value)}</span>;
    const text = edit?.type === 'value' ? edit.text : inputText(row, saved?.value);
    return (
      <ValueInput
        row={row}
        text={text}
        onText={(t) => onEdit({ type: 'value', text: t })}
        labelledBy={labelledBy}
        describedBy={describedBy}
        invalid={invalid}
      />
    );
  }

  const computedText = displayText(row, live?.computed ?? saved?.computed ?? null);
  if (edit?.type === 'override') {
    const reasonMissing = edit.reason.trim() === '';
    return (
      <div className="override-editor">
        <ValueInput
          row={row}
          text={edit.text}
          onText={(t) => onEdit({ ...edit, text: t })}
          label={`Số liệu sửa: ${name}`}
          describedBy={describedBy}
          invalid={invalid}
        />
        <p className="computed-beside">Hệ thống tính: {computedText}</p>
        <label className="field reason-field">
          <span>Lý do sửa</span>
          <input
            value={edit.reason}
            onChange={(e) => onEdit({ ...edit, reason: e.target.value })}
            aria-label={`Lý do sửa: ${name}`}
            aria-invalid={reasonMissing || undefined}
            placeholder="Bắt buộc khi sửa số tự động"
          />
          {reasonMissing && <small className="field-error">Cần ghi lý do sửa số liệu tự động.</small>}
        </label>
        <button type="button" className="button button-quiet button-small" onClick={() => onEdit(null)}>
          Hủy sửa
        </button>
      </div>
    );
  }

  if (edit?.type === 'revert') {
    return (
      <div className="computed-value">
        <div className="computed-main">
          <output className="value-read" aria-labelledby={labelledBy}>
            {computedText}
          </output>
        </div>
        <p className="computed-beside">Sẽ trở về số hệ thống tính khi lưu.</p>
        <button type="button" className="button button-quiet button-small revert-button" onClick={() => onEdit(null)}>
          Giữ số đã sửa
        </button>
      </div>
    );
  }

  const overridden = saved?.provenance === 'overridden';
  const shown = overridden ? saved?.value : live?.value;
  return (
    <div className="computed-value">
      <div className="computed-main">
        <output className={`value-read${overridden ? ' value-overridden' : ''}`} aria-labelledby={labelledBy}>
          {displayText(row, shown)}
        </output>
        {!readOnly && (
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={`Sửa số liệu: ${name}`}
            onClick={() => onEdit({ type: 'override', text: inputText(row, shown), reason: overridden ? (saved?.reason ?? '') : '' })}
          >
            Sửa
          </button>
        )}
      </div>
      {overridden && (
        <>
          <p className="computed-beside">Hệ thống tính: {computedText}</p>
          <p className="override-reason">Lý do: {saved?.reason}</p>
          {!readOnly && (
            <button type="button" className="button button-quiet button-small revert-button" aria-label={`Bỏ sửa: ${name}`} onClick={() => onEdit({ type: 'revert' })}>
              Bỏ sửa
            </button>
          )}
        </>
      )}
    </div>
  );
}
