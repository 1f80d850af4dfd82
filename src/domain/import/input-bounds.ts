import { addDays, type IsoDate } from '../calendar/plain-date';
import { formatDateVi } from '../text/iso-date';

/**
 * The bounds every value read from an import file must respect (docs/import-files.md).
 * A value outside them is refused with its file, row and column, never stored: a 100,000-character
 * code or a receipt date in 2099 is a broken export, not data.
 */
export const TEXT_BOUNDS = {
  dossierCode: 100,
  unitCode: 20,
  unitName: 200,
  procedureCode: 60,
  procedureName: 1000,
  procedureField: 200,
  procedureLevel: 100,
} as const;

/** Excel's own limit for one cell: a longer cell cannot come from a spreadsheet. */
export const MAX_CELL_CHARS = 32_767;

/**
 * Dossier dates: a one-stop shop exists since 2003 (Quyết định 181/2003/QĐ-TTg), so nothing is
 * received before 01/01/2000; nothing is received or finished after the day of the import; an
 * appointment is at most 5 years after receipt.
 */
export const DOSSIER_MIN_DATE: IsoDate = '2000-01-01';
export const DOSSIER_MAX_DUE_YEARS = 5;

/** Units: the state's administrative units date from 1945; a reform may be announced ahead, but not past 2100. */
export const UNIT_MIN_DATE: IsoDate = '1945-01-01';
export const UNIT_MAX_DATE: IsoDate = '2100-12-31';

/** A problem with a piece of text, in Vietnamese, or null when it is acceptable. */
export function textProblem(value: string, max: number): string | null {
  if (value.length > max) return `dài ${value.length.toLocaleString('vi-VN')} ký tự, tối đa ${max.toLocaleString('vi-VN')}.`;
  if (value.includes('\uFFFD')) return 'có ký tự "\uFFFD" (dữ liệu đã hỏng khi chuyển bảng mã); hãy lấy lại tệp gốc.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) return 'có ký tự điều khiển không in được.';
  return null;
}

/** A date outside [min, max] as a Vietnamese reason, or null. */
export function dateRangeProblem(date: IsoDate, min: IsoDate, max: IsoDate, maxReason: string): string | null {
  if (date < min) return `ngày ${formatDateVi(date)} quá sớm (không trước ${formatDateVi(min)}).`;
  if (date > max) return `ngày ${formatDateVi(date)} ${maxReason}.`;
  return null;
}

/** The latest appointment date a dossier received on a day may carry. */
export function latestDueDate(received: IsoDate): IsoDate {
  const [year, rest] = [Number(received.slice(0, 4)), received.slice(4)];
  const shifted = `${String(year + DOSSIER_MAX_DUE_YEARS).padStart(4, '0')}${rest}`;
  // 29/02 + 5 years is not a date: take 01/03.
  return shifted.endsWith('-02-29') ? addDays(`${shifted.slice(0, 8)}28`, 1) : shifted;
}

/** Shortens a value for a message so a huge cell never floods the terminal or the page. */
export function shownValue(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length.toLocaleString('vi-VN')} ký tự)`;
}
