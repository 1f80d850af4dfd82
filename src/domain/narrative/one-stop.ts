import { rate, type DossierStats, type Rate } from '../dossiers/metrics';
import type { Template } from '../templates/template';
import { formatViNumber, formatViPercent, parseViNumber } from '../templates/vi-number';
import { viDate } from './document-meta';
import { cleanText } from './text';

/**
 * The one-stop paragraphs of section II.2, written from figures so nobody retypes them. The
 * sentences follow the order of the appendix (received, resolved, pending, returned) and the
 * wording of the reports in shared/seeds; numbers are vi-VN (1.224; 95,25%).
 */

/** The figures the paragraph reads: DossierStats has them all. */
export interface OneStopFigures {
  received: Pick<DossierStats['received'], 'carried_over' | 'in_period' | 'direct' | 'online' | 'postal' | 'online_full' | 'online_partial' | 'total'>;
  resolved: DossierStats['resolved'];
  pending: DossierStats['pending'];
  returned: number;
  withdrawn: number;
  rates: { on_time_pct: Rate };
}

export interface DataWindow {
  from: string;
  to: string;
}

const n = (value: number) => formatViNumber(value, 0);
const pct = (value: number) => formatViPercent(value);
const dossiers = (value: number) => `${n(value)} hồ sơ`;

function listJoin(items: string[]): string {
  return items.join(', ');
}

/**
 * The figures a paragraph may state, each possibly unknown (null): a figure the template has no row
 * for and the statistics cannot vouch for, or a row left blank. A sentence leaves out what is unknown.
 */
export interface ParagraphFigures {
  received: { carried_over: number | null; in_period: number | null; direct: number | null; online: number | null; postal: number | null; online_full: number | null; online_partial: number | null };
  resolved: { total: number | null; early: number | null; on_time: number | null; late: number | null; on_time_all: number | null };
  pending: { total: number | null; in_time: number | null; overdue: number | null; paused: number | null };
  returned: number | null;
  withdrawn: number | null;
  /** The on-time rate as the appendix prints it (or computed from the parts). */
  on_time_pct: number | null;
}

/** The statistics as paragraph figures: every figure known. */
export function figuresOfStats(f: OneStopFigures): ParagraphFigures {
  return {
    received: {
      carried_over: f.received.carried_over,
      in_period: f.received.in_period,
      direct: f.received.direct,
      online: f.received.online,
      postal: f.received.postal,
      online_full: f.received.online_full,
      online_partial: f.received.online_partial,
    },
    resolved: { ...f.resolved, on_time_all: f.resolved.early + f.resolved.on_time },
    pending: { ...f.pending },
    returned: f.returned,
    withdrawn: f.withdrawn,
    on_time_pct: f.rates.on_time_pct.value,
  };
}

const known = (...values: Array<number | null>): boolean => values.every((v) => v !== null);

function receivedSentence(f: ParagraphFigures, window: DataWindow | null, unitName: string): string | null {
  const when = window ? `Trong kỳ báo cáo (từ ngày ${viDate(window.from)} đến ngày ${viDate(window.to)})` : 'Trong kỳ báo cáo';
  const r = f.received;
  if (r.in_period === null) return null;
  let sentence: string;
  if (r.in_period === 0) {
    sentence = `${when}, ${unitName} không tiếp nhận hồ sơ thủ tục hành chính nào`;
  } else {
    sentence = `${when}, ${unitName} tiếp nhận ${dossiers(r.in_period)} thủ tục hành chính`;
    const modes: Array<[number | null, string]> = [
      [r.online_full, 'toàn trình'],
      [r.online_partial, 'một phần'],
    ];
    const usedModes = modes.filter((m): m is [number, string] => m[0] !== null && m[0] > 0);
    const modesKnown = modes.every(([count]) => count !== null);
    const modeNote =
      modesKnown && usedModes.length === 1 && usedModes[0]![0] === r.online
        ? ` (đều là dịch vụ công trực tuyến ${usedModes[0]![1]})`
        : usedModes.length > 0
          ? ` (${listJoin(usedModes.map(([count, name]) => `${name} ${dossiers(count)}`))})`
          : '';
    const channels: Array<[number | null, string, string]> = [
      [r.direct, `trực tiếp ${dossiers(r.direct ?? 0)}`, 'trực tiếp'],
      [r.online, `trực tuyến ${dossiers(r.online ?? 0)}${modeNote}`, 'trực tuyến'],
      [r.postal, `qua dịch vụ bưu chính công ích ${dossiers(r.postal ?? 0)}`, 'qua dịch vụ bưu chính công ích'],
    ];
    const used = channels.filter(([count]) => count !== null && count > 0);
    const allKnown = channels.every(([count]) => count !== null);
    if (allKnown && used.length === 1 && used[0]![0] === r.in_period) {
      sentence += `, toàn bộ tiếp nhận ${used[0]![2]}`;
      if (used[0]![2] === 'trực tuyến') sentence += modeNote;
    } else if (used.length > 0) {
      sentence += `, trong đó: ${listJoin(used.map(([, text]) => text))}`;
    }
  }
  if (r.carried_over === null) return `${sentence}.`;
  if (r.carried_over > 0) {
    return `${sentence}; số hồ sơ tồn kỳ trước chuyển sang là ${dossiers(r.carried_over)}; tổng số hồ sơ phải giải quyết là ${dossiers(r.carried_over + r.in_period)}.`;
  }
  return `${sentence}; không có hồ sơ tồn kỳ trước chuyển sang.`;
}

function resolvedSentence(f: ParagraphFigures): string | null {
  const { total, early, on_time: onTime } = f.resolved;
  if (total === null) return null;
  if (total === 0) return 'Trong kỳ chưa có hồ sơ được giải quyết xong.';
  const onTimeAll = f.resolved.on_time_all ?? (early !== null && onTime !== null ? early + onTime : null);
  const late = f.resolved.late ?? (onTimeAll === null ? null : total - onTimeAll);
  const rateValue = f.on_time_pct;
  const rateText = rateValue === null ? '' : ` (đạt ${pct(rateValue)})`;
  if (late === null || onTimeAll === null) return `Đã giải quyết xong ${dossiers(total)}.`;
  const split = early !== null && onTime !== null && early + onTime === onTimeAll;
  if (late === 0) {
    const detail = split && early! > 0 && onTime! > 0 ? `, trong đó trước hạn ${dossiers(early!)}, đúng hạn ${dossiers(onTime!)}` : '';
    const rateNote = rateValue === null ? '' : ` (tỷ lệ giải quyết đúng hạn đạt ${pct(rateValue)})`;
    return `Đã giải quyết xong ${dossiers(total)}${detail}, không có hồ sơ quá hạn${rateNote}.`;
  }
  if (!split) {
    return `Đã giải quyết xong ${dossiers(total)}, trong đó đúng hạn (kể cả trước hạn) ${dossiers(onTimeAll)}${rateText}, quá hạn ${dossiers(late)}.`;
  }
  const parts = [...(early! > 0 ? [`trước hạn ${dossiers(early!)}`] : []), ...(onTime! > 0 ? [`đúng hạn ${dossiers(onTime!)}`] : []), `quá hạn ${dossiers(late)}`];
  return (
    `Đã giải quyết xong ${dossiers(total)}, trong đó giải quyết ${listJoin(parts)}; ` +
    `số hồ sơ giải quyết đúng hạn (kể cả trước hạn) là ${dossiers(onTimeAll)}${rateText}.`
  );
}

function pendingSentence(f: ParagraphFigures): string | null {
  const { total, in_time: inTime, overdue, paused } = f.pending;
  if (total === null) return null;
  if (total === 0) return 'Không có hồ sơ đang giải quyết.';
  let sentence = `Đang giải quyết ${dossiers(total)}`;
  if (overdue === 0) sentence += ', tất cả còn trong hạn';
  else if (inTime === 0) sentence += ', tất cả đã quá hạn';
  else if (known(inTime, overdue)) sentence += `, trong đó còn trong hạn ${dossiers(inTime!)}, đã quá hạn ${dossiers(overdue!)}`;
  if (paused !== null && paused > 0) sentence += `; có ${dossiers(paused)} đang tạm dừng, chờ bổ sung, hoàn thiện`;
  return `${sentence}.`;
}

function returnedSentence(f: ParagraphFigures): string | null {
  const returned = f.returned !== null && f.returned > 0 ? `Trả lại ${dossiers(f.returned)} do không đủ điều kiện giải quyết` : null;
  const withdrawn = f.withdrawn !== null && f.withdrawn > 0 ? `tổ chức, cá nhân xin rút ${dossiers(f.withdrawn)}` : null;
  if (returned && withdrawn) return `${returned}; ${withdrawn}.`;
  if (returned) return `${returned}.`;
  if (withdrawn) return `Tổ chức, cá nhân xin rút ${dossiers(f.withdrawn!)}.`;
  return null;
}

/**
 * The one-stop paragraph: received in the period by channel, carried over, resolved early / on
 * time / late with the on-time rate, pending in time / overdue, returned and withdrawn; a figure
 * that is not known is left out. `unitName` is the subject of the first sentence ("UBND xã Thịnh
 * Đức", or "Bộ phận Một cửa xã …"). Null when there is nothing to say.
 */
export function oneStopParagraph(stats: OneStopFigures | ParagraphFigures, window: DataWindow | null, unitName: string): string {
  const f = 'rates' in stats ? figuresOfStats(stats) : stats;
  const sentences = [receivedSentence(f, window, cleanText(unitName).trim()), resolvedSentence(f), pendingSentence(f), returnedSentence(f)];
  return sentences.filter((s): s is string => s !== null).join(' ');
}

export interface FieldStats {
  /** The field (lĩnh vực) as the dossiers name it: "Hộ tịch". */
  label: string;
  stats: Pick<OneStopFigures, 'received' | 'resolved' | 'pending'>;
}

/**
 * One sentence over the fields (lĩnh vực) with the most dossiers received: "Phân theo lĩnh vực:
 * Hộ tịch tiếp nhận 600 hồ sơ, giải quyết xong 590 hồ sơ (đúng hạn đạt 98,31%); …". Fields beyond
 * `limit` are summed into "các lĩnh vực khác", their rate recomputed from the sums. Null when no
 * field had any dossier.
 */
export function oneStopByFieldSentence(groups: FieldStats[], options: { limit?: number } = {}): string | null {
  const limit = Math.max(1, options.limit ?? 5);
  const active = groups
    .filter((g) => g.stats.received.in_period > 0 || g.stats.resolved.total > 0 || g.stats.pending.total > 0)
    .sort((a, b) => b.stats.received.in_period - a.stats.received.in_period || a.label.localeCompare(b.label, 'vi'));
  if (active.length === 0) return null;
  const shown = active.length > limit ? active.slice(0, limit - 1) : active;
  const rest = active.slice(shown.length);
  const clause = (label: string, received: number, resolved: number, onTime: number) => {
    const receivedText = received > 0 ? `tiếp nhận ${dossiers(received)}` : 'không tiếp nhận hồ sơ mới';
    if (resolved === 0) return `${label} ${receivedText}, chưa có hồ sơ giải quyết xong`;
    const rateValue = rate(onTime, resolved).value!;
    return `${label} ${receivedText}, giải quyết xong ${dossiers(resolved)} (đúng hạn đạt ${pct(rateValue)})`;
  };
  const clauses = shown.map((g) =>
    clause(cleanText(g.label).trim(), g.stats.received.in_period, g.stats.resolved.total, g.stats.resolved.early + g.stats.resolved.on_time),
  );
  if (rest.length > 0) {
    const sum = (pick: (g: FieldStats) => number) => rest.reduce((total, g) => total + pick(g), 0);
    clauses.push(
      clause(
        `${rest.length} lĩnh vực khác`,
        sum((g) => g.stats.received.in_period),
        sum((g) => g.stats.resolved.total),
        sum((g) => g.stats.resolved.early + g.stats.resolved.on_time),
      ),
    );
  }
  return `Phân theo lĩnh vực: ${clauses.join('; ')}.`;
}

/** The concepts of the one-stop rows (templates/mac-dinh-xa.yaml) the paragraph reads. */
const FIGURE_CONCEPTS = {
  carried_over: 'onestop.carried_over',
  in_period: 'onestop.received',
  direct: 'onestop.received_direct',
  online: 'onestop.received_online',
  postal: 'onestop.received_postal',
  online_full: 'onestop.received_online_full',
  online_partial: 'onestop.received_online_partial',
  resolved_total: 'onestop.resolved_total',
  early: 'onestop.resolved_early',
  on_due_day: 'onestop.resolved_on_due_day',
  on_time_all: 'onestop.resolved_on_time',
  late: 'onestop.resolved_late',
  pending: 'onestop.pending',
  pending_in_time: 'onestop.pending_in_time',
  pending_overdue: 'onestop.pending_overdue',
  pending_paused: 'onestop.pending_paused',
  returned: 'onestop.returned',
  withdrawn: 'onestop.withdrawn',
  on_time_pct: 'onestop.resolved_on_time_pct',
} as const;
type FigureName = keyof typeof FIGURE_CONCEPTS;

/** What the statistics say for each figure. */
function statsFigure(f: OneStopFigures, name: FigureName): number | null {
  switch (name) {
    case 'in_period':
      return f.received.in_period;
    case 'resolved_total':
      return f.resolved.total;
    case 'on_due_day':
      return f.resolved.on_time;
    case 'on_time_all':
      return f.resolved.early + f.resolved.on_time;
    case 'pending':
      return f.pending.total;
    case 'pending_in_time':
      return f.pending.in_time;
    case 'pending_overdue':
      return f.pending.overdue;
    case 'pending_paused':
      return f.pending.paused;
    case 'early':
    case 'late':
      return f.resolved[name];
    case 'returned':
    case 'withdrawn':
      return f[name];
    case 'on_time_pct':
      return f.rates.on_time_pct.value;
    default:
      return f.received[name];
  }
}

/** The one-stop rows a template has, by figure. */
export function oneStopRows(template: Template): Map<FigureName, string> {
  const byConcept = new Map(template.rows.filter((r) => r.concept).map((r) => [r.concept!, r.id]));
  const rows = new Map<FigureName, string>();
  for (const [name, concept] of Object.entries(FIGURE_CONCEPTS) as Array<[FigureName, string]>) {
    const rowId = byConcept.get(concept);
    if (rowId !== undefined) rows.set(name, rowId);
  }
  return rows;
}

/**
 * The paragraph's figures as the report states them, corrections included: a figure the template
 * has a row for is read from that row, never from the statistics (a blank row, or "không phát
 * sinh", leaves it unknown). A figure without a row comes from the statistics only while they
 * agree with every row the report has (no figure corrected, nothing imported since): otherwise a
 * breakdown from the statistics would no longer add up to the report's figures, and it is left out.
 * `statsUsable` says which case it is. Null when the template has no one-stop row and there are no
 * statistics.
 */
export function paragraphFigures(
  template: Template,
  values: ReadonlyMap<string, { value: number | string | null }>,
  stats: OneStopFigures | null | undefined,
): { figures: ParagraphFigures; statsUsable: boolean; fromRows: Map<FigureName, string> } | null {
  const rows = oneStopRows(template);
  if (rows.size === 0 && !stats) return null;
  const fromRow = (name: FigureName): number | null => {
    const raw = values.get(rows.get(name)!)?.value;
    return raw === null || raw === undefined ? null : parseViNumber(raw);
  };
  const statsUsable = !!stats && [...rows.keys()].every((name) => {
    const a = fromRow(name);
    const b = statsFigure(stats, name);
    return a !== null && b !== null && Math.abs(a - b) < 0.005;
  });
  const read = (name: FigureName): number | null => (rows.has(name) ? fromRow(name) : statsUsable ? statsFigure(stats!, name) : null);
  const rateFromParts = () => {
    const total = read('resolved_total');
    const all = read('on_time_all') ?? (known(read('early'), read('on_due_day')) ? read('early')! + read('on_due_day')! : null);
    return total === null || all === null ? null : rate(all, total).value;
  };
  const figures: ParagraphFigures = {
    received: {
      carried_over: read('carried_over'),
      in_period: read('in_period'),
      direct: read('direct'),
      online: read('online'),
      postal: read('postal'),
      online_full: read('online_full'),
      online_partial: read('online_partial'),
    },
    resolved: { total: read('resolved_total'), early: read('early'), on_time: read('on_due_day'), late: read('late'), on_time_all: read('on_time_all') },
    pending: { total: read('pending'), in_time: read('pending_in_time'), overdue: read('pending_overdue'), paused: read('pending_paused') },
    returned: read('returned'),
    withdrawn: read('withdrawn'),
    on_time_pct: rows.has('on_time_pct') ? fromRow('on_time_pct') : rateFromParts(),
  };
  return { figures, statsUsable, fromRows: rows };
}

/**
 * The paragraph's figures as the report states them, read only from the rows. Kept for callers
 * that have no statistics: see paragraphFigures.
 */
export function oneStopFiguresFromValues(template: Template, values: ReadonlyMap<string, { value: number | string | null }>): ParagraphFigures | null {
  const result = paragraphFigures(template, values, null);
  return result && oneStopRows(template).size > 0 ? result.figures : null;
}
