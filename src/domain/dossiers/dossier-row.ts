import { parseDateTime, type LocalDateTime } from '../calendar/date-time';
import type { IsoDate } from '../calendar/plain-date';
import { DOSSIER_MIN_DATE, dateRangeProblem, latestDueDate, shownValue, TEXT_BOUNDS, textProblem } from '../import/input-bounds';
import { duplicatesOf, type DuplicateHeader } from '../import/header-row';
import { formatDateVi } from '../text/iso-date';
import { normalizeForSearch } from '../text/normalize-for-search';
import { parseYesNo } from '../text/yes-no';
import {
  DOSSIER_STATE_LABELS,
  isFinished,
  isResolved,
  parseChannel,
  parseDossierState,
  parseRating,
  type Channel,
  type DossierState,
  type Rating,
} from './dossier';

/** The canonical columns of a dossier export, each with the synonyms real exports use (first = ours). */
export const DOSSIER_HEADERS = {
  code: ['Mã hồ sơ', 'Số hồ sơ', 'Mã số hồ sơ', 'Số biên nhận'],
  unitCode: ['Mã đơn vị', 'Mã ĐVHC', 'Mã đơn vị hành chính', 'Mã cơ quan'],
  procedureCode: ['Mã thủ tục', 'Mã TTHC', 'Mã thủ tục hành chính'],
  procedureName: ['Tên thủ tục', 'Tên TTHC', 'Thủ tục hành chính'],
  field: ['Lĩnh vực'],
  mode: ['Mức độ', 'Mức độ DVC', 'Mức độ dịch vụ công'],
  channel: ['Kênh tiếp nhận', 'Hình thức nộp', 'Hình thức tiếp nhận', 'Kênh nộp'],
  receivedAt: ['Ngày tiếp nhận', 'Ngày nhận', 'Thời gian tiếp nhận', 'Ngày nộp'],
  dueAt: ['Ngày hẹn trả', 'Ngày hẹn trả kết quả', 'Hạn xử lý', 'Hạn giải quyết'],
  resultAt: ['Ngày có kết quả', 'Ngày hoàn thành', 'Ngày xử lý xong', 'Ngày kết thúc'],
  deliveredAt: ['Ngày trả kết quả', 'Ngày trả'],
  status: ['Trạng thái', 'Tình trạng', 'Trạng thái hồ sơ'],
  digitizedInput: ['Số hóa đầu vào', 'Số hóa hồ sơ', 'Đã số hóa hồ sơ'],
  digitizedOutput: ['Số hóa kết quả', 'Số hóa đầu ra', 'Đã số hóa kết quả'],
  hasFee: ['Có phí', 'Có phí, lệ phí', 'Thu phí'],
  paidOnline: ['Thanh toán trực tuyến', 'Thanh toán trực tuyến phí, lệ phí', 'Đã thanh toán trực tuyến'],
  rating: ['Đánh giá', 'Mức độ hài lòng', 'Kết quả đánh giá'],
} as const;
export type DossierField = keyof typeof DOSSIER_HEADERS;
export const REQUIRED_DOSSIER_FIELDS: DossierField[] = ['code', 'unitCode', 'procedureCode', 'channel', 'receivedAt', 'status'];

/**
 * Finds each field's column in a header row: a saved mapping for the source first
 * (field → header as written), then our headers and their synonyms, ignoring case and diacritics.
 * A header the mapping picks that appears twice is a duplicate: the file is ambiguous.
 */
export function mapDossierHeaders(
  headers: string[],
  saved: Partial<Record<DossierField, string>> = {},
): { columns: Partial<Record<DossierField, number>>; missing: DossierField[]; duplicates: DuplicateHeader[] } {
  const folded = headers.map(normalizeForSearch);
  const columns: Partial<Record<DossierField, number>> = {};
  for (const field of Object.keys(DOSSIER_HEADERS) as DossierField[]) {
    const candidates = [...(saved[field] ? [saved[field]!] : []), ...DOSSIER_HEADERS[field]];
    const index = candidates.map((c) => folded.indexOf(normalizeForSearch(c))).find((i) => i >= 0);
    if (index !== undefined) columns[field] = index;
  }
  const missing = REQUIRED_DOSSIER_FIELDS.filter((field) => columns[field] === undefined);
  return { columns, missing, duplicates: duplicatesOf(headers, Object.values(columns)) };
}

export interface RowIssue {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ParsedDossierRow {
  code: string;
  unitCode: string;
  procedureCode: string;
  channel: Channel;
  state: DossierState;
  receivedAt: LocalDateTime;
  dueAt: LocalDateTime | null;
  /** false: the export gave the appointment as a date only ("15/03/2026"), due by the end of that day. */
  dueHasTime: boolean;
  resultAt: LocalDateTime | null;
  deliveredAt: LocalDateTime | null;
  digitizedInput: boolean;
  digitizedOutput: boolean;
  /** null: the export does not say; the procedure's catalogue entry decides. */
  hasFee: boolean | null;
  paidOnline: boolean;
  rating: Rating | null;
}

const dayOf = (t: LocalDateTime | null) => t?.date ?? null;

/** What a row is checked against besides itself. */
export interface DossierRowContext {
  /** The day of the import in Vietnam: nothing is received or finished after it. */
  today: IsoDate;
}

/**
 * Checks one row of an export. Every problem is reported with the column as the file names it,
 * the value found and a reason in Vietnamese; a row with any problem yields no dossier.
 */
export function parseDossierRow(
  cells: Partial<Record<DossierField, string>>,
  row: number,
  headerOf: (field: DossierField) => string,
  context: DossierRowContext,
): { dossier?: ParsedDossierRow; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const cell = (field: DossierField) => (cells[field] ?? '').trim();
  const fail = (field: DossierField, message: string) => issues.push({ row, column: headerOf(field), value: shownValue(cell(field)), message });

  const text = (field: DossierField, label: string, max: number) => {
    const value = cell(field);
    if (!value) fail(field, `thiếu ${label}.`);
    const problem = value ? textProblem(value, max) : null;
    if (problem) fail(field, `${label} ${problem}`);
    else if (/\s/.test(value.replace(/ /g, ''))) fail(field, `${label} không được chứa dấu xuống dòng hoặc dấu tab.`);
    return value;
  };
  const code = text('code', 'mã hồ sơ', TEXT_BOUNDS.dossierCode);
  const unitCode = text('unitCode', 'mã đơn vị', TEXT_BOUNDS.unitCode);
  const procedureCode = text('procedureCode', 'mã thủ tục', TEXT_BOUNDS.procedureCode);

  const channelText = cell('channel');
  const channel = parseChannel(channelText);
  if (!channel) fail('channel', channelText ? `kênh tiếp nhận "${shownValue(channelText)}" không hợp lệ (Trực tiếp, Trực tuyến hoặc Bưu chính công ích).` : 'thiếu kênh tiếp nhận.');

  const statusText = cell('status');
  const state = parseDossierState(statusText);
  if (!state) {
    fail('status', statusText ? `trạng thái "${shownValue(statusText)}" không hợp lệ (dùng: ${Object.values(DOSSIER_STATE_LABELS).join(', ')}).` : 'thiếu trạng thái.');
  }

  const time = (field: DossierField, required: boolean): LocalDateTime | null => {
    const value = cell(field);
    if (!value) {
      if (required) fail(field, 'thiếu ngày.');
      return null;
    }
    try {
      return parseDateTime(value);
    } catch {
      fail(field, `ngày "${shownValue(value)}" không hợp lệ (viết dd/mm/yyyy hoặc dd/mm/yyyy HH:mm).`);
      return null;
    }
  };
  const afterToday = `sau ngày nhập ${formatDateVi(context.today)} (ngày trong tương lai)`;
  const bounded = (field: DossierField, value: LocalDateTime | null, max: IsoDate, maxReason: string) => {
    const problem = value ? dateRangeProblem(value.date, DOSSIER_MIN_DATE, max, maxReason) : null;
    if (problem) fail(field, problem);
    return value; // kept for the checks between dates; the row is rejected anyway
  };
  const receivedAt = bounded('receivedAt', time('receivedAt', true), context.today, afterToday);
  const received = dayOf(receivedAt);
  const dueAt = time('dueAt', false);
  if (dueAt && received && dueAt.date > latestDueDate(received)) {
    fail('dueAt', `ngày hẹn trả ${formatDateVi(dueAt.date)} cách ngày tiếp nhận hơn 5 năm.`);
  }
  const resultAt = bounded('resultAt', time('resultAt', false), context.today, afterToday);
  const deliveredAt = bounded('deliveredAt', time('deliveredAt', false), context.today, afterToday);
  if (received) {
    if (dueAt && dueAt.date < received) fail('dueAt', `ngày hẹn trả trước ngày tiếp nhận ${formatDateVi(received)}.`);
    if (resultAt && resultAt.date < received) fail('resultAt', `ngày có kết quả trước ngày tiếp nhận ${formatDateVi(received)}.`);
    if (deliveredAt && deliveredAt.date < received) fail('deliveredAt', `ngày trả kết quả trước ngày tiếp nhận ${formatDateVi(received)}.`);
  }
  if (resultAt && deliveredAt && deliveredAt.date < resultAt.date) {
    fail('deliveredAt', `ngày trả kết quả trước ngày có kết quả ${formatDateVi(resultAt.date)}.`);
  }
  if (state) {
    if (isFinished(state) && !resultAt && !deliveredAt) {
      fail('resultAt', `hồ sơ "${DOSSIER_STATE_LABELS[state]}" cần ngày có kết quả (hoặc ngày trả kết quả).`);
    }
    if (!isFinished(state) && resultAt) {
      fail('resultAt', `hồ sơ còn "${DOSSIER_STATE_LABELS[state]}" nhưng đã có ngày có kết quả.`);
    }
  }

  const flag = (field: DossierField): boolean | null => {
    const value = cell(field);
    const parsed = parseYesNo(value);
    if (parsed === null) fail(field, `giá trị "${shownValue(value)}" không hợp lệ (dùng Có/Không, x hoặc 1/0).`);
    return parsed;
  };
  const digitizedInput = flag('digitizedInput');
  const digitizedOutput = flag('digitizedOutput');
  const hasFee = cells.hasFee === undefined || cell('hasFee') === '' ? null : flag('hasFee');
  const paidOnline = flag('paidOnline');
  if (paidOnline && hasFee === false) fail('paidOnline', 'hồ sơ không có phí nhưng ghi đã thanh toán trực tuyến.');
  if (digitizedOutput && state && !isResolved(state)) fail('digitizedOutput', 'hồ sơ chưa có kết quả nhưng ghi đã số hóa kết quả.');

  const ratingText = cell('rating');
  const rating = parseRating(ratingText);
  if (rating === undefined) fail('rating', `đánh giá "${shownValue(ratingText)}" không hợp lệ (Rất hài lòng, Hài lòng, Không hài lòng hoặc để trống).`);

  if (issues.length > 0) return { issues };
  return {
    issues,
    dossier: {
      code,
      unitCode,
      procedureCode,
      channel: channel!,
      state: state!,
      receivedAt: receivedAt!,
      dueAt,
      dueHasTime: /\d{1,2}:\d{2}/.test(cell('dueAt')),
      resultAt,
      deliveredAt,
      digitizedInput: digitizedInput!,
      digitizedOutput: digitizedOutput!,
      hasFee,
      paidOnline: paidOnline!,
      rating: rating ?? null,
    },
  };
}

/** The day a dossier left the pending set: its result, or its delivery if no result date was kept. */
export function finishDayOf(row: Pick<ParsedDossierRow, 'state' | 'resultAt' | 'deliveredAt'>): string | null {
  if (!isFinished(row.state)) return null;
  return (row.resultAt ?? row.deliveredAt)?.date ?? null;
}
