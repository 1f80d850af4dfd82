import type { TemplateRow } from '../../domain/templates/template';
import { formatDateVi, parseDate } from '../../domain/text/iso-date';
import { NOT_APPLICABLE } from '../../domain/reports/not-applicable';
import { isCodedRow, isNumericRow, legendOf, tidyNumberText } from './values';

interface Props {
  row: TemplateRow;
  text: string;
  onText: (text: string) => void;
  /** Ids of the elements that name the field (the row's code and label), or an explicit label. */
  labelledBy?: string;
  label?: string;
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
}

/**
 * The field of one row, by kind: numbers in Vietnamese notation (tidied when the field is left),
 * a coded answer chosen from the legend, a date as dd/mm/yyyy, or free text. Every kind takes
 * "không phát sinh": "-", "x" or the words typed, or the last option of a coded answer.
 */
export function ValueInput({ row, text, onText, labelledBy, label, describedBy, invalid, disabled }: Props) {
  const common = {
    'aria-labelledby': label ? undefined : labelledBy,
    'aria-label': label,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    disabled,
  };
  if (isCodedRow(row)) {
    const legend = Object.entries(legendOf(row));
    const outside = text.trim() !== '' && text.trim() !== NOT_APPLICABLE && !legend.some(([code]) => code === text.trim());
    return (
      <select className="value-input value-select" value={text} onChange={(e) => onText(e.target.value)} {...common}>
        <option value="">— Chưa chọn —</option>
        {legend.map(([code, meaning]) => (
          <option key={code} value={code}>
            {meaning} ({code})
          </option>
        ))}
        <option value={NOT_APPLICABLE}>Không phát sinh (-)</option>
        {outside && <option value={text}>{text} (không có trong chú giải)</option>}
      </select>
    );
  }
  if (isNumericRow(row)) {
    return (
      <input
        className="value-input value-number"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => onText(e.target.value)}
        onBlur={() => {
          const tidy = tidyNumberText(row, text);
          if (tidy !== text) onText(tidy);
        }}
        {...common}
      />
    );
  }
  if (row.kind === 'date') {
    return (
      <input
        className="value-input date-input"
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        onChange={(e) => onText(e.target.value)}
        onBlur={() => {
          const iso = parseDate(text);
          if (iso && formatDateVi(iso) !== text) onText(formatDateVi(iso));
        }}
        {...common}
      />
    );
  }
  return <input className="value-input value-text" autoComplete="off" value={text} onChange={(e) => onText(e.target.value)} {...common} />;
}
