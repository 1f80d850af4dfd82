import { addDays } from '../../domain/calendar/plain-date';
import type { Channel } from '../../domain/dossiers/dossier';
import { formulaNames, parseFormula } from '../../domain/templates/formula';
import { describeProcedureQuery } from '../../domain/procedures/unit-procedure';
import { describeRegisterQuery, REGISTERS } from '../../domain/registers/registers';
import type { Template, TemplateRow } from '../../domain/templates/template';
import { buildUrl } from '../api/client';
import { formatDate } from '../format/date';
import { periodWindow } from './periods';

export type SourceKind = 'metric' | 'formula' | 'count_units' | 'procedures' | 'register' | 'manual';

export function sourceKind(row: TemplateRow): SourceKind {
  const source = row.source;
  if (typeof source !== 'object' || source === null) return 'manual';
  if ('metric' in source) return 'metric';
  if ('formula' in source) return 'formula';
  if ('count_units' in source) return 'count_units';
  if ('procedures' in source) return 'procedures';
  if ('register' in source) return 'register';
  return 'manual';
}

export const SOURCE_LABELS: Record<SourceKind, string> = {
  metric: 'Từ hồ sơ',
  formula: 'Công thức',
  count_units: 'Đếm đơn vị trực thuộc',
  procedures: 'Từ danh mục TTHC',
  register: 'Từ sổ theo dõi',
  manual: 'Nhập tay',
};

const CHANNEL_OF_METRIC: Record<string, Channel> = {
  'received.direct': 'direct',
  'received.online': 'online',
  'received.online_full': 'online',
  'received.online_partial': 'online',
  'received.postal': 'postal',
};

export interface ReportScope {
  unitId: number;
  templateCutoff: string;
  periodId: string;
  windowFrom: string;
  windowTo: string;
}

export interface DossierLink {
  href: string;
  /** What the register will list, in words. */
  description: string;
}

/**
 * The register filtered to the dossiers behind a metric row: the report's unit, received within
 * its window (the cumulative one for lũy kế rows), by channel when the metric is one. The register
 * filters by reception only: for a carried-over stock it lists what was received before the
 * window, for resolved and pending counts every dossier received in it.
 */
export function dossierLink(row: TemplateRow, scope: ReportScope, viewerUnitId: number): DossierLink | null {
  const source = row.source;
  if (typeof source !== 'object' || source === null || !('metric' in source)) return null;
  const window = source.window === 'cumulative' ? (periodWindow(scope.periodId, scope.templateCutoff, true) ?? null) : { from: scope.windowFrom, to: scope.windowTo };
  if (!window) return null;
  const metric = source.metric.trim();
  const channel = CHANNEL_OF_METRIC[metric];
  const carriedOver = metric === 'received.carried_over';
  const query = {
    donVi: scope.unitId === viewerUnitId ? undefined : scope.unitId,
    tu: carriedOver ? undefined : window.from,
    den: carriedOver ? addDays(window.from, -1) : window.to,
    kenh: channel,
  };
  const description = carriedOver
    ? `Hồ sơ tiếp nhận trước ngày ${formatDate(window.from)}`
    : `Hồ sơ tiếp nhận từ ${formatDate(window.from)} đến ${formatDate(window.to)}${channel ? `, kênh ${CHANNEL_WORDS[channel]}` : ''}`;
  return { href: buildUrl('/ho-so', query), description };
}

const CHANNEL_WORDS: Record<Channel, string> = { direct: 'trực tiếp', online: 'trực tuyến', postal: 'bưu chính công ích' };

/** The statistics page for exactly the report's window (a named period when the windows agree). */
export function statsLink(scope: ReportScope, viewerUnitId: number): string {
  const nd09 = periodWindow(scope.periodId, 'nd09');
  const sameAsStatsPage = nd09 !== null && nd09.from === scope.windowFrom && nd09.to === scope.windowTo;
  return buildUrl('/thong-ke', {
    ky: sameAsStatsPage ? scope.periodId : `${scope.windowFrom}..${scope.windowTo}`,
    donVi: scope.unitId === viewerUnitId ? undefined : scope.unitId,
  });
}

/** A formula in the printed form's words: row codes, or the label of a row printed without one. */
export function formulaText(template: Template, formula: string): string {
  let names: string[];
  try {
    names = [...formulaNames(parseFormula(formula))];
  } catch {
    return formula;
  }
  // Operators first (the labels put in next may hold a "/" of their own).
  let text = formula.replace(/\*/g, '×').replace(/\//g, ':');
  for (const name of names.sort((a, b) => b.length - a.length)) {
    const row = template.byId.get(name);
    if (!row) continue;
    const word = row.code ? row.code.replace(/\.$/, '') : `“${row.label}”`;
    text = text.replace(new RegExp(`\\b${name.replace(/\./g, '\\.')}\\b`, 'g'), () => word);
  }
  return text;
}

/** For a row read from the procedure list or a register: what it counts, and the page that keeps it. */
export function listSource(row: TemplateRow, scope: ReportScope, viewerUnitId: number): { description: string; href: string; name: string } | null {
  const source = row.source;
  if (typeof source !== 'object' || source === null) return null;
  const donVi = scope.unitId === viewerUnitId ? undefined : scope.unitId;
  if ('procedures' in source) return { description: describeProcedureQuery(source), href: buildUrl('/danh-muc-so', { so: 'procedures', donVi }), name: 'danh mục TTHC' };
  if ('register' in source) {
    return { description: describeRegisterQuery(source), href: buildUrl('/danh-muc-so', { so: source.register, donVi }), name: `sổ ${REGISTERS[source.register].title.toLowerCase()}` };
  }
  return null;
}
