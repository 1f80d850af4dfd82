import { CHANNEL_LABELS, DOSSIER_STATE_LABELS, RATING_LABELS } from './dossier';
import { DOSSIER_HEADERS, type DossierField } from './dossier-row';

/** The values a coded column of a dossier export accepts: the ones we write, then others read too. */
export interface CodedColumn {
  field: DossierField;
  values: string[];
  /** Other spellings real exports use, read the same way (case and diacritics do not matter). */
  alsoRead: string[];
  /** Whether the cell may stay empty. */
  blankAllowed: boolean;
}

const YES_NO = { values: ['Có', 'Không'], alsoRead: ['x', '1', '0', 'Đã thanh toán', 'Đã số hóa', 'Chưa', '-'], blankAllowed: true };

export const CODED_COLUMNS: CodedColumn[] = [
  {
    field: 'channel',
    values: Object.values(CHANNEL_LABELS),
    alsoRead: ['Tại bộ phận một cửa', 'Nộp trực tiếp', 'Dịch vụ công trực tuyến', 'Qua mạng', 'Online', 'Bưu chính', 'Dịch vụ bưu chính công ích', 'BCCI'],
    blankAllowed: false,
  },
  {
    field: 'status',
    values: Object.values(DOSSIER_STATE_LABELS),
    alsoRead: ['Đang xử lý', 'Mới tiếp nhận', 'Chờ bổ sung hồ sơ', 'Yêu cầu bổ sung', 'Đã giải quyết', 'Hoàn thành', 'Đã trả', 'Từ chối', 'Trả lại hồ sơ', 'Không đủ điều kiện', 'Rút', 'Công dân rút hồ sơ'],
    blankAllowed: false,
  },
  { field: 'digitizedInput', ...YES_NO },
  { field: 'digitizedOutput', ...YES_NO },
  { field: 'hasFee', ...YES_NO },
  { field: 'paidOnline', ...YES_NO },
  { field: 'rating', values: Object.values(RATING_LABELS), alsoRead: ['Chưa hài lòng'], blankAllowed: true },
];

/** Our name of a column ("Kênh tiếp nhận"). */
export const columnName = (field: DossierField): string => DOSSIER_HEADERS[field][0];

const SAMPLE_FIELDS: DossierField[] = [
  'code',
  'unitCode',
  'procedureCode',
  'procedureName',
  'channel',
  'receivedAt',
  'dueAt',
  'resultAt',
  'deliveredAt',
  'status',
  'digitizedInput',
  'digitizedOutput',
  'hasFee',
  'paidOnline',
  'rating',
];

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * A small export in our own column names that imports as it is (for the unit and a procedure of
 * its catalogue): a dossier resolved and returned on time, one still being processed, one
 * received online that waits for papers. Dates are of the given month.
 */
export function sampleDossierCsv(input: { unitCode: string; procedureCode: string; procedureName: string; year: number; month: number }): string {
  const mm = String(input.month).padStart(2, '0');
  const d = (day: number, time?: string) => `${String(day).padStart(2, '0')}/${mm}/${input.year}${time ? ` ${time}` : ''}`;
  const rows: Array<Partial<Record<DossierField, string>>> = [
    { code: 'MAU-0001', channel: 'Trực tiếp', receivedAt: d(3, '08:30'), dueAt: d(6, '17:00'), resultAt: d(5, '15:00'), deliveredAt: d(6, '09:00'), status: 'Đã trả kết quả', digitizedInput: 'Có', digitizedOutput: 'Có', hasFee: 'Có', paidOnline: 'Không', rating: 'Hài lòng' },
    { code: 'MAU-0002', channel: 'Trực tuyến', receivedAt: d(10, '14:00'), dueAt: d(14), status: 'Đang giải quyết', digitizedInput: 'Có', digitizedOutput: 'Không', hasFee: 'Không', paidOnline: 'Không' },
    { code: 'MAU-0003', channel: 'Bưu chính công ích', receivedAt: d(12, '09:15'), status: 'Chờ bổ sung', digitizedInput: 'Không', digitizedOutput: 'Không' },
  ];
  const lines = [SAMPLE_FIELDS.map((f) => csvCell(columnName(f))).join(',')];
  for (const row of rows) {
    const full = { ...row, unitCode: input.unitCode, procedureCode: input.procedureCode, procedureName: input.procedureName };
    lines.push(SAMPLE_FIELDS.map((f) => csvCell(full[f] ?? '')).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
