import type { IsoDate } from '../calendar/plain-date';
import type { ImportIssue } from '../import/import-issue';
import { dateRangeProblem, shownValue, textProblem, UNIT_MAX_DATE, UNIT_MIN_DATE } from '../import/input-bounds';
import { formatDateVi, parseDate } from '../text/iso-date';
import { normalizeForSearch } from '../text/normalize-for-search';
import { parseYesNo } from '../text/yes-no';

/**
 * Registers (sổ theo dõi) a unit keeps once and reuses every period: its staff, its equipment and
 * systems, its electronic documents, its information activities. Each is a list of dated entries:
 * a *span* register holds things that exist from a day until a day (a position, a computer), read
 * as of the end of a report's window; a *day* register holds things that happen on a day (a month's
 * documents, a broadcast), summed over the window. Template rows read them with
 * `source: { register: … }` (docs/templates.md).
 */
export const REGISTER_KINDS = ['staff', 'equipment', 'documents', 'activities'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

export type FieldType = 'text' | 'integer' | 'yes_no' | 'option';
export type FieldValue = string | number | boolean | null;

export interface RegisterField {
  key: string;
  /** The column header of the import file and the web form. */
  header: string;
  type: FieldType;
  required?: boolean;
  /** option key → label (the import also accepts the label). */
  options?: Record<string, string>;
  /** Longest text or largest whole number. */
  max?: number;
  /** What a blank cell means (yes/no fields and counts). */
  blank?: FieldValue;
  help?: string;
}

export interface RegisterDefinition {
  kind: RegisterKind;
  title: string;
  /** What one entry is, for messages ("chức danh", "thiết bị"). */
  entry: string;
  dated: 'span' | 'day';
  fields: RegisterField[];
  /** A problem between fields of one entry, or null. */
  check?: (data: Record<string, FieldValue>) => { field: string; message: string } | null;
}

const COUNT_MAX = 1_000_000;

export const REGISTERS: Record<RegisterKind, RegisterDefinition> = {
  staff: {
    kind: 'staff',
    title: 'Cán bộ, công chức',
    entry: 'chức danh',
    dated: 'span',
    fields: [
      { key: 'position', header: 'Chức danh', type: 'text', required: true, max: 200 },
      { key: 'name', header: 'Họ và tên', type: 'text', max: 200, help: 'để trống nếu chức danh còn trống (chưa bố trí người)' },
      {
        key: 'category',
        header: 'Loại',
        type: 'option',
        required: true,
        options: { can_bo: 'Cán bộ', cong_chuc: 'Công chức', khong_chuyen_trach: 'Người hoạt động không chuyên trách', hop_dong: 'Hợp đồng lao động' },
      },
      { key: 'qualification', header: 'Trình độ chuyên môn', type: 'text', max: 200 },
      { key: 'standard_met', header: 'Đạt chuẩn', type: 'yes_no', blank: false },
      { key: 'trainings', header: 'Số lượt bồi dưỡng trong năm', type: 'integer', max: 1000, blank: 0 },
    ],
  },
  equipment: {
    kind: 'equipment',
    title: 'Trang thiết bị, hệ thống',
    entry: 'thiết bị',
    dated: 'span',
    fields: [
      {
        key: 'item',
        header: 'Loại',
        type: 'option',
        required: true,
        options: {
          computer: 'Máy tính',
          email: 'Tài khoản thư điện tử công vụ',
          digital_signature: 'Chữ ký số',
          software: 'Phần mềm, hệ thống',
          network: 'Mạng, đường truyền',
          other: 'Khác',
        },
      },
      { key: 'name', header: 'Tên, mô tả', type: 'text', required: true, max: 300 },
      { key: 'quantity', header: 'Số lượng', type: 'integer', max: COUNT_MAX, blank: 1 },
      { key: 'in_use', header: 'Đang sử dụng', type: 'yes_no', blank: true },
    ],
  },
  documents: {
    kind: 'documents',
    title: 'Văn bản điện tử',
    entry: 'dòng văn bản',
    dated: 'day',
    fields: [
      { key: 'direction', header: 'Loại văn bản', type: 'option', required: true, options: { sent: 'Văn bản đi', received: 'Văn bản đến' } },
      { key: 'total', header: 'Tổng số', type: 'integer', required: true, max: COUNT_MAX },
      { key: 'fully_electronic', header: 'Hoàn toàn điện tử', type: 'integer', max: COUNT_MAX, blank: 0, help: 'ký số và gửi, nhận hoàn toàn trên môi trường điện tử' },
      { key: 'parallel_paper', header: 'Điện tử song song bản giấy', type: 'integer', max: COUNT_MAX, blank: 0 },
      { key: 'signed', header: 'Có ký số', type: 'integer', max: COUNT_MAX, blank: 0 },
    ],
    check: (data) => {
      const total = Number(data.total ?? 0);
      const electronic = Number(data.fully_electronic ?? 0) + Number(data.parallel_paper ?? 0);
      if (electronic > total) return { field: 'fully_electronic', message: `số văn bản điện tử (${electronic}) lớn hơn tổng số (${total}).` };
      if (Number(data.signed ?? 0) > total) return { field: 'signed', message: `số văn bản có ký số (${String(data.signed)}) lớn hơn tổng số (${total}).` };
      return null;
    },
  },
  activities: {
    kind: 'activities',
    title: 'Thông tin, tuyên truyền',
    entry: 'hoạt động',
    dated: 'day',
    fields: [
      {
        key: 'form',
        header: 'Hình thức',
        type: 'option',
        required: true,
        options: {
          news: 'Tin, bài',
          broadcast: 'Phát thanh, truyền hình',
          meeting: 'Hội nghị, cuộc họp',
          contest: 'Cuộc thi',
          banner: 'Băng rôn, khẩu hiệu, pa nô',
          other: 'Khác',
        },
      },
      { key: 'title', header: 'Nội dung', type: 'text', required: true, max: 500 },
      { key: 'count', header: 'Số lượng', type: 'integer', max: COUNT_MAX, blank: 1, help: 'số tin, bài, buổi, cuộc' },
      { key: 'reach', header: 'Số lượt người', type: 'integer', max: 100_000_000, blank: 0 },
    ],
  },
};

/** The date columns of a register: "Từ ngày"/"Đến ngày" for spans, "Ngày" for events. */
export const DATE_HEADERS = { start: 'Từ ngày', end: 'Đến ngày', day: 'Ngày' } as const;

export interface RegisterEntry {
  id: number;
  unitId: number;
  register: RegisterKind;
  /** The first day (span) or the day (day register). */
  startDay: IsoDate;
  /** The last day of a span, inclusive; null while it lasts. Always null in a day register. */
  endDay: IsoDate | null;
  data: Record<string, FieldValue>;
}

export type NewRegisterEntry = Omit<RegisterEntry, 'id' | 'unitId' | 'register'>;

export function isRegisterKind(value: string): value is RegisterKind {
  return (REGISTER_KINDS as readonly string[]).includes(value);
}

export function registerHeaders(definition: RegisterDefinition): string[] {
  const dates = definition.dated === 'span' ? [DATE_HEADERS.start, DATE_HEADERS.end] : [DATE_HEADERS.day];
  return [...definition.fields.map((f) => f.header), ...dates];
}

function optionOf(field: RegisterField, text: string): string | null {
  const folded = normalizeForSearch(text);
  for (const [key, label] of Object.entries(field.options ?? {})) {
    if (folded === normalizeForSearch(key) || folded === normalizeForSearch(label)) return key;
  }
  return null;
}

/** Reads a whole number written 1.234, 1234 or 1 234. */
function parseCount(text: string): number | null {
  const compact = text.replace(/[\s.]/g, '');
  if (!/^\d{1,12}$/.test(compact)) return null;
  return Number(compact);
}

/**
 * Checks one entry given as text cells (an import row or the web form) against its register;
 * problems name the file, row and column as in every import.
 */
export function parseRegisterCells(
  definition: RegisterDefinition,
  cells: Record<string, string>,
  file: string,
  row: number | undefined,
): { entry?: NewRegisterEntry; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const fail = (column: string, message: string) => issues.push({ file, ...(row === undefined ? {} : { row }), column, message });
  const data: Record<string, FieldValue> = {};
  for (const field of definition.fields) {
    const text = (cells[field.key] ?? '').trim();
    if (text === '') {
      if (field.required) fail(field.header, 'không được để trống.');
      data[field.key] = field.blank ?? (field.type === 'text' ? '' : null);
      continue;
    }
    if (field.type === 'text') {
      const problem = textProblem(text, field.max ?? 500);
      if (problem) fail(field.header, `giá trị ${problem}`);
      data[field.key] = text;
    } else if (field.type === 'integer') {
      const value = parseCount(text);
      if (value === null || value > (field.max ?? COUNT_MAX)) {
        fail(field.header, `"${shownValue(text)}" không phải số nguyên từ 0 đến ${(field.max ?? COUNT_MAX).toLocaleString('vi-VN')}.`);
      }
      data[field.key] = value;
    } else if (field.type === 'yes_no') {
      const value = parseYesNo(text);
      if (value === null) fail(field.header, `giá trị "${shownValue(text)}" không hợp lệ (Có/Không).`);
      data[field.key] = value;
    } else {
      const value = optionOf(field, text);
      if (value === null) fail(field.header, `"${shownValue(text)}" không hợp lệ (${Object.values(field.options ?? {}).join(', ')}).`);
      data[field.key] = value;
    }
  }
  const readDate = (header: string, text: string): IsoDate | null => {
    const date = parseDate(text);
    if (date === null) {
      fail(header, `ngày "${shownValue(text)}" không hợp lệ (ngày/tháng/năm, ví dụ 01/07/2025).`);
      return null;
    }
    const problem = dateRangeProblem(date, UNIT_MIN_DATE, UNIT_MAX_DATE, `quá xa (không sau ${formatDateVi(UNIT_MAX_DATE)})`);
    if (problem) fail(header, problem);
    return date;
  };
  let startDay: IsoDate | null = null;
  let endDay: IsoDate | null = null;
  if (definition.dated === 'span') {
    const start = (cells.startDay ?? '').trim();
    const end = (cells.endDay ?? '').trim();
    if (!start) fail(DATE_HEADERS.start, 'không được để trống.');
    else startDay = readDate(DATE_HEADERS.start, start);
    if (end) endDay = readDate(DATE_HEADERS.end, end);
    if (startDay && endDay && endDay < startDay) fail(DATE_HEADERS.end, `ngày ${formatDateVi(endDay)} trước ngày bắt đầu ${formatDateVi(startDay)}.`);
  } else {
    const day = (cells.startDay ?? '').trim();
    if (!day) fail(DATE_HEADERS.day, 'không được để trống.');
    else startDay = readDate(DATE_HEADERS.day, day);
  }
  if (issues.length === 0 && definition.check) {
    const problem = definition.check(data);
    if (problem) fail(definition.fields.find((f) => f.key === problem.field)?.header ?? problem.field, problem.message);
  }
  if (issues.length > 0 || !startDay) return { issues };
  return { issues, entry: { startDay, endDay, data } };
}

/** An entry as text cells (the inverse of parseRegisterCells), for the web form and exports. */
export function registerCells(definition: RegisterDefinition, entry: Pick<RegisterEntry, 'startDay' | 'endDay' | 'data'>): Record<string, string> {
  const cells: Record<string, string> = { startDay: formatDateVi(entry.startDay), endDay: entry.endDay ? formatDateVi(entry.endDay) : '' };
  for (const field of definition.fields) {
    const value = entry.data[field.key];
    if (value === null || value === undefined) cells[field.key] = '';
    else if (field.type === 'yes_no') cells[field.key] = value ? 'Có' : 'Không';
    else if (field.type === 'option') cells[field.key] = field.options?.[String(value)] ?? String(value);
    else cells[field.key] = String(value);
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Reading a register for a report row

/** `where` of a register source: a field's value, one of several values, or for text "" (blank) / "*" (filled). */
export type RegisterWhere = Record<string, string | number | boolean | Array<string | number | boolean>>;

export interface RegisterQuery {
  register: RegisterKind;
  /** Sum this whole-number field instead of counting entries. */
  sum?: string | undefined;
  where?: RegisterWhere | undefined;
  /**
   * Span registers: `end` (default) the entries in force on the window's last day; `started` /
   * `ended` those that began / ended within the window. Day registers always take the window.
   */
  at?: 'end' | 'started' | 'ended' | undefined;
}

/** Problems of a register source in a template (unknown field, option, a sum over a non-number). */
export function registerQueryProblems(query: RegisterQuery): Array<{ path: string[]; message: string }> {
  const definition = REGISTERS[query.register];
  const problems: Array<{ path: string[]; message: string }> = [];
  const fieldOf = (key: string) => definition.fields.find((f) => f.key === key);
  const known = definition.fields.map((f) => f.key).join(', ');
  if (query.sum !== undefined) {
    const field = fieldOf(query.sum);
    if (!field || field.type !== 'integer') {
      problems.push({ path: ['sum'], message: `sổ "${definition.title}" không có cột số "${query.sum}" để cộng (có: ${definition.fields.filter((f) => f.type === 'integer').map((f) => f.key).join(', ') || 'không có'}).` });
    }
  }
  for (const [key, wanted] of Object.entries(query.where ?? {})) {
    const field = fieldOf(key);
    if (!field) {
      problems.push({ path: ['where', key], message: `sổ "${definition.title}" không có cột "${key}" (có: ${known}).` });
      continue;
    }
    for (const value of Array.isArray(wanted) ? wanted : [wanted]) {
      if (field.type === 'option' && !(String(value) in (field.options ?? {}))) {
        problems.push({ path: ['where', key], message: `"${String(value)}" không phải giá trị của cột "${key}" (có: ${Object.keys(field.options ?? {}).join(', ')}).` });
      }
      if (field.type === 'yes_no' && typeof value !== 'boolean') problems.push({ path: ['where', key], message: `cột "${key}" nhận true hoặc false.` });
      if (field.type === 'text' && value !== '' && value !== '*') problems.push({ path: ['where', key], message: `cột chữ "${key}" chỉ lọc được "" (để trống) hoặc "*" (có ghi).` });
    }
  }
  if (query.at && query.at !== 'end' && definition.dated === 'day') {
    problems.push({ path: ['at'], message: `sổ "${definition.title}" ghi theo ngày: luôn cộng trong kỳ, không dùng "at".` });
  }
  return problems;
}

function matches(field: RegisterField | undefined, value: FieldValue | undefined, wanted: string | number | boolean): boolean {
  if (field?.type === 'text') return wanted === '*' ? typeof value === 'string' && value.trim() !== '' : !value || String(value).trim() === '';
  return value === wanted;
}

/** Whether an entry's span or day falls where the query looks in the window. */
export function entryInWindow(definition: RegisterDefinition, entry: Pick<RegisterEntry, 'startDay' | 'endDay'>, window: { from: IsoDate; to: IsoDate }, at: RegisterQuery['at'] = 'end'): boolean {
  if (definition.dated === 'day') return entry.startDay >= window.from && entry.startDay <= window.to;
  if (at === 'started') return entry.startDay >= window.from && entry.startDay <= window.to;
  if (at === 'ended') return entry.endDay !== null && entry.endDay >= window.from && entry.endDay <= window.to;
  return entry.startDay <= window.to && (entry.endDay === null || entry.endDay >= window.to);
}

/**
 * A register's figure for a report window: a count of entries or a sum of one column. Null when
 * the unit keeps no such register (a span register without any entry) or recorded nothing for
 * the window (a day register without an entry in it): no record is not "none".
 */
export function registerValue(query: RegisterQuery, entries: readonly RegisterEntry[], window: { from: IsoDate; to: IsoDate }): number | null {
  const definition = REGISTERS[query.register];
  const own = entries.filter((e) => e.register === query.register);
  if (own.length === 0) return null;
  if (definition.dated === 'day' && !own.some((e) => entryInWindow(definition, e, window))) return null;
  let total = 0;
  for (const entry of entries) {
    if (entry.register !== query.register || !entryInWindow(definition, entry, window, query.at)) continue;
    const ok = Object.entries(query.where ?? {}).every(([key, wanted]) => {
      const field = definition.fields.find((f) => f.key === key);
      return (Array.isArray(wanted) ? wanted : [wanted]).some((w) => matches(field, entry.data[key], w));
    });
    if (!ok) continue;
    total += query.sum ? Number(entry.data[query.sum] ?? 0) : 1;
  }
  return total;
}

/** The words of a register source, as the report shows them beside the figure. */
export function describeRegisterQuery(query: RegisterQuery): string {
  const definition = REGISTERS[query.register];
  const parts: string[] = [`Sổ ${definition.title.toLowerCase()}`];
  const filters = Object.entries(query.where ?? {}).map(([key, wanted]) => {
    const field = definition.fields.find((f) => f.key === key)!;
    const values = (Array.isArray(wanted) ? wanted : [wanted]).map((w) => {
      if (field?.type === 'option') return field.options?.[String(w)] ?? String(w);
      if (field?.type === 'yes_no') return w ? 'có' : 'không';
      return w === '*' ? 'có ghi' : 'để trống';
    });
    return `${field?.header ?? key}: ${values.join(' hoặc ')}`;
  });
  if (filters.length > 0) parts.push(filters.join('; '));
  if (query.sum) parts.push(`cộng cột "${definition.fields.find((f) => f.key === query.sum)?.header ?? query.sum}"`);
  if (definition.dated === 'day') parts.push('trong kỳ');
  else if (query.at === 'started') parts.push('bắt đầu trong kỳ');
  else if (query.at === 'ended') parts.push('kết thúc trong kỳ');
  else parts.push('tại ngày cuối kỳ');
  return parts.join(', ');
}
