import type { IsoDate } from '../calendar/plain-date';
import type { ImportIssue } from '../import/import-issue';
import { dateRangeProblem, shownValue, TEXT_BOUNDS, textProblem, UNIT_MAX_DATE, UNIT_MIN_DATE } from '../import/input-bounds';
import { formatDateVi, parseDate } from '../text/iso-date';
import { parseYesNo } from '../text/yes-no';
import { parseUnitLevel, UNIT_LEVEL_LABELS, type UnitLevel } from '../units/unit';
import { ONLINE_MODE_LABELS, parseOnlineMode, type OnlineMode } from './procedure';

/**
 * The unit's procedure list (danh mục TTHC của đơn vị): the procedures it handles, as the
 * province's decisions publish them, each with its validity and what has been done for it
 * (posted at the one-stop desk, published on the portals, internal process, online payment, …).
 * A procedure may have several versions (a later decision changes its online mode): each is an
 * entry with its own validity, so a past period is computed with the list then in force.
 */
export const PROCEDURE_FLAGS = [
  'posted',
  'one_stop',
  'published_national',
  'published_provincial',
  'internal_process',
  'process_digitized',
  'has_fee',
  'online_payment',
  'population_db',
  'interconnected_same_level',
  'interconnected_levels',
  'location_independent',
] as const;
export type ProcedureFlag = (typeof PROCEDURE_FLAGS)[number];

export const PROCEDURE_FLAG_HEADERS: Record<ProcedureFlag, string> = {
  posted: 'Niêm yết tại Bộ phận một cửa',
  one_stop: 'Thực hiện theo cơ chế một cửa',
  published_national: 'Công khai trên Cổng DVC quốc gia',
  published_provincial: 'Công khai trên Cổng DVC tỉnh',
  internal_process: 'Có quy trình nội bộ được phê duyệt',
  process_digitized: 'Quy trình nội bộ được điện tử hóa',
  has_fee: 'Có phí/lệ phí',
  online_payment: 'Tích hợp thanh toán trực tuyến',
  population_db: 'Kết nối CSDL quốc gia về dân cư',
  interconnected_same_level: 'Liên thông cùng cấp',
  interconnected_levels: 'Liên thông giữa các cấp',
  location_independent: 'Không phụ thuộc địa giới hành chính',
};

export const UNIT_PROCEDURE_HEADERS = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  mode: 'Mức độ',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  decision: 'Quyết định công bố',
  ...PROCEDURE_FLAG_HEADERS,
} as const;
export type UnitProcedureField = keyof typeof UNIT_PROCEDURE_HEADERS;
export const REQUIRED_UNIT_PROCEDURE_FIELDS: UnitProcedureField[] = ['code', 'name', 'field', 'validFrom'];

/** The most entries one unit's list may hold (a commune handles a few hundred procedures). */
export const MAX_UNIT_PROCEDURE_ROWS = 5_000;
export const DECISION_MAX_CHARS = 300;

export interface UnitProcedure {
  id: number;
  unitId: number;
  code: string;
  name: string;
  field: string;
  /** The level the procedure belongs to (TTHC cấp xã / cấp huyện); null when not given. */
  level: UnitLevel | null;
  onlineMode: OnlineMode;
  validFrom: IsoDate;
  /** The last day in force, inclusive; null while in force. */
  validTo: IsoDate | null;
  decision: string;
  flags: Record<ProcedureFlag, boolean>;
}

export type NewUnitProcedure = Omit<UnitProcedure, 'id' | 'unitId'>;

export function noFlags(): Record<ProcedureFlag, boolean> {
  return Object.fromEntries(PROCEDURE_FLAGS.map((f) => [f, false])) as Record<ProcedureFlag, boolean>;
}

/** Checks one row of the list (an import row or the web form); problems name the file, row and column. */
export function parseUnitProcedureRow(
  cells: Partial<Record<UnitProcedureField, string>>,
  file: string,
  row: number | undefined,
): { procedure?: NewUnitProcedure; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const cell = (field: UnitProcedureField) => (cells[field] ?? '').trim();
  const fail = (field: UnitProcedureField, message: string) =>
    issues.push({ file, ...(row === undefined ? {} : { row }), column: UNIT_PROCEDURE_HEADERS[field], message });
  for (const field of ['code', 'name', 'field'] as const) if (!cell(field)) fail(field, 'không được để trống.');
  const limits: Array<[UnitProcedureField, number]> = [
    ['code', TEXT_BOUNDS.procedureCode],
    ['name', TEXT_BOUNDS.procedureName],
    ['field', TEXT_BOUNDS.procedureField],
    ['decision', DECISION_MAX_CHARS],
  ];
  for (const [field, max] of limits) {
    const problem = cell(field) ? textProblem(cell(field), max) : null;
    if (problem) fail(field, `giá trị ${problem}`);
  }
  if (/\s/.test(cell('code'))) fail('code', `mã thủ tục "${shownValue(cell('code'), 40)}" không được chứa khoảng trắng.`);
  let level: UnitLevel | null = null;
  if (cell('level')) {
    level = parseUnitLevel(cell('level').replace(/^cấp\s+/i, ''));
    if (!level) fail('level', `cấp "${shownValue(cell('level'))}" không hợp lệ (Tỉnh, Huyện, Xã).`);
  }
  const mode = parseOnlineMode(cell('mode'));
  if (!mode) fail('mode', `mức độ "${shownValue(cell('mode'))}" không hợp lệ (Toàn trình, Một phần, Cung cấp thông tin; hoặc Mức độ 2/3/4).`);
  const date = (field: UnitProcedureField): IsoDate | null => {
    if (!cell(field)) return null;
    const value = parseDate(cell(field));
    if (!value) {
      fail(field, `ngày "${shownValue(cell(field))}" không hợp lệ (ngày/tháng/năm, ví dụ 01/07/2025).`);
      return null;
    }
    const problem = dateRangeProblem(value, UNIT_MIN_DATE, UNIT_MAX_DATE, `quá xa (không sau ${formatDateVi(UNIT_MAX_DATE)})`);
    if (problem) fail(field, problem);
    return value;
  };
  const validFrom = date('validFrom');
  if (!cell('validFrom')) fail('validFrom', 'không được để trống.');
  const validTo = date('validTo');
  if (validFrom && validTo && validTo < validFrom) fail('validTo', `ngày ${formatDateVi(validTo)} trước ngày có hiệu lực ${formatDateVi(validFrom)}.`);
  const flags = noFlags();
  for (const flag of PROCEDURE_FLAGS) {
    const value = parseYesNo(cell(flag));
    if (value === null) fail(flag, `giá trị "${shownValue(cell(flag))}" không hợp lệ (Có/Không).`);
    flags[flag] = value ?? false;
  }
  if (issues.length > 0 || !validFrom || !mode) return { issues };
  return {
    issues,
    procedure: { code: cell('code'), name: cell('name'), field: cell('field'), level, onlineMode: mode, validFrom, validTo, decision: cell('decision'), flags },
  };
}

/** A list entry as text cells (the inverse of parseUnitProcedureRow), for the web form and exports. */
export function unitProcedureCells(p: NewUnitProcedure): Record<UnitProcedureField, string> {
  const cells = {
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level ? UNIT_LEVEL_LABELS[p.level] : '',
    mode: ONLINE_MODE_LABELS[p.onlineMode],
    validFrom: formatDateVi(p.validFrom),
    validTo: p.validTo ? formatDateVi(p.validTo) : '',
    decision: p.decision,
  } as Record<UnitProcedureField, string>;
  for (const flag of PROCEDURE_FLAGS) cells[flag] = p.flags[flag] ? 'Có' : 'Không';
  return cells;
}

/** Whether an entry is in force on a day. */
export function inForceOn(p: Pick<UnitProcedure, 'validFrom' | 'validTo'>, day: IsoDate): boolean {
  return p.validFrom <= day && (p.validTo === null || p.validTo >= day);
}

/**
 * Closes the open version of a procedure when a later version starts: the earlier one ends the day
 * before. Returns the entries whose end changed (id and new end).
 */
export function versionEnds(entries: readonly UnitProcedure[]): Array<{ id: number; validTo: IsoDate }> {
  const byCode = new Map<string, UnitProcedure[]>();
  for (const e of entries) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
  const changes: Array<{ id: number; validTo: IsoDate }> = [];
  for (const versions of byCode.values()) {
    versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 0; i + 1 < versions.length; i++) {
      const current = versions[i]!;
      const next = versions[i + 1]!;
      const dayBefore = previousDay(next.validFrom);
      if (current.validTo === null || current.validTo > dayBefore) changes.push({ id: current.id, validTo: dayBefore < current.validFrom ? current.validFrom : dayBefore });
    }
  }
  return changes;
}

function previousDay(day: IsoDate): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Reading the list for a report row

export const PROCEDURE_MEASURES = ['in_force', 'new', 'abolished', 'with_dossiers', 'with_online_dossiers', ...PROCEDURE_FLAGS] as const;
export type ProcedureMeasure = (typeof PROCEDURE_MEASURES)[number];
export const PROCEDURE_MODE_FILTERS = ['full', 'partial', 'online', 'none'] as const;
export type ProcedureModeFilter = (typeof PROCEDURE_MODE_FILTERS)[number];

export interface ProcedureQuery {
  procedures: ProcedureMeasure;
  /** full (toàn trình, mức độ 4), partial (một phần, mức độ 3), online (either), none. */
  mode?: ProcedureModeFilter | undefined;
  level?: UnitLevel | undefined;
  field?: string | undefined;
  /** A percentage: this measure over another one (`internal_process` per `in_force`). */
  per?: ProcedureMeasure | undefined;
}

/** Dossiers received in the window per procedure code: all, and online. */
export type DossiersByProcedure = ReadonlyMap<string, { received: number; online: number }>;

const MEASURE_WORDS: Record<ProcedureMeasure, string> = {
  in_force: 'đang có hiệu lực',
  new: 'công bố mới trong kỳ',
  abolished: 'bãi bỏ, thay thế trong kỳ',
  with_dossiers: 'có phát sinh hồ sơ trong kỳ',
  with_online_dossiers: 'có phát sinh hồ sơ nộp trực tuyến trong kỳ',
  posted: 'niêm yết tại Bộ phận một cửa',
  one_stop: 'thực hiện theo cơ chế một cửa',
  published_national: 'công khai trên Cổng DVC quốc gia',
  published_provincial: 'công khai trên Cổng DVC tỉnh',
  internal_process: 'có quy trình nội bộ được phê duyệt',
  process_digitized: 'có quy trình nội bộ được điện tử hóa',
  has_fee: 'có phí, lệ phí',
  online_payment: 'tích hợp thanh toán trực tuyến',
  population_db: 'kết nối CSDL quốc gia về dân cư',
  interconnected_same_level: 'liên thông cùng cấp',
  interconnected_levels: 'liên thông giữa các cấp',
  location_independent: 'không phụ thuộc địa giới hành chính',
};

const MODE_WORDS: Record<ProcedureModeFilter, string> = {
  full: 'DVC trực tuyến toàn trình',
  partial: 'DVC trực tuyến một phần',
  online: 'DVC trực tuyến toàn trình hoặc một phần',
  none: 'chỉ cung cấp thông tin',
};

function modeMatches(mode: OnlineMode, filter: ProcedureModeFilter | undefined): boolean {
  if (!filter) return true;
  if (filter === 'online') return mode === 'full' || mode === 'partial';
  return mode === filter;
}

function countMeasure(
  measure: ProcedureMeasure,
  query: ProcedureQuery,
  entries: readonly UnitProcedure[],
  window: { from: IsoDate; to: IsoDate },
  dossiers: DossiersByProcedure,
  unitLevel: UnitLevel | null,
): number {
  const filtered = (p: UnitProcedure) =>
    modeMatches(p.onlineMode, query.mode) && (!query.level || (p.level ?? unitLevel) === query.level) && (!query.field || p.field.trim().toLowerCase() === query.field.trim().toLowerCase());
  if (measure === 'new' || measure === 'abolished') {
    const byCode = new Map<string, UnitProcedure[]>();
    for (const e of entries) byCode.set(e.code, [...(byCode.get(e.code) ?? []), e]);
    let count = 0;
    for (const versions of byCode.values()) {
      versions.sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      if (measure === 'new') {
        const first = versions[0]!;
        if (first.validFrom >= window.from && first.validFrom <= window.to && filtered(first)) count += 1;
      } else {
        const last = versions.at(-1)!;
        if (last.validTo !== null && last.validTo >= window.from && last.validTo <= window.to && filtered(last)) count += 1;
      }
    }
    return count;
  }
  const seen = new Set<string>();
  let count = 0;
  for (const p of entries) {
    if (!inForceOn(p, window.to) || seen.has(p.code) || !filtered(p)) continue;
    seen.add(p.code);
    if (measure === 'in_force') count += 1;
    else if (measure === 'with_dossiers') count += (dossiers.get(p.code)?.received ?? 0) > 0 ? 1 : 0;
    else if (measure === 'with_online_dossiers') count += (dossiers.get(p.code)?.online ?? 0) > 0 ? 1 : 0;
    else count += p.flags[measure] ? 1 : 0;
  }
  return count;
}

/**
 * A figure of the unit's procedure list for a report window: procedures in force on the window's
 * last day (with the version then in force) having a property, those published or abolished within
 * the window, or a percentage of two such counts (null when the second is 0). A procedure listed
 * without a level belongs to the unit's own level. Null while the unit has no list at all.
 */
export function procedureValue(
  query: ProcedureQuery,
  entries: readonly UnitProcedure[],
  window: { from: IsoDate; to: IsoDate },
  dossiers: DossiersByProcedure = new Map(),
  unitLevel: UnitLevel | null = null,
): number | null {
  if (entries.length === 0) return null;
  const count = countMeasure(query.procedures, query, entries, window, dossiers, unitLevel);
  if (!query.per) return count;
  const base = countMeasure(query.per, query, entries, window, dossiers, unitLevel);
  return base === 0 ? null : Math.round((count / base) * 10000) / 100;
}

/** The words of a procedure-list source, as the report shows them beside the figure. */
export function describeProcedureQuery(query: ProcedureQuery): string {
  const filters = [
    query.mode ? MODE_WORDS[query.mode] : null,
    query.level ? `TTHC cấp ${UNIT_LEVEL_LABELS[query.level].toLowerCase()}` : null,
    query.field ? `lĩnh vực ${query.field}` : null,
  ].filter(Boolean);
  const what = `Danh mục TTHC của đơn vị: số TTHC ${MEASURE_WORDS[query.procedures]}${filters.length > 0 ? ` (${filters.join(', ')})` : ''}`;
  return query.per ? `${what} trên số TTHC ${MEASURE_WORDS[query.per]} × 100` : what;
}
