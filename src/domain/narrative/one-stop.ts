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

function receivedSentence(f: OneStopFigures, window: DataWindow | null, unitName: string): string {
  const when = window ? `Trong kỳ báo cáo (từ ngày ${viDate(window.from)} đến ngày ${viDate(window.to)})` : 'Trong kỳ báo cáo';
  const r = f.received;
  let sentence: string;
  if (r.in_period === 0) {
    sentence = `${when}, ${unitName} không tiếp nhận hồ sơ thủ tục hành chính nào`;
  } else {
    sentence = `${when}, ${unitName} tiếp nhận ${dossiers(r.in_period)} thủ tục hành chính`;
    const modes: Array<[number, string]> = [
      [r.online_full, 'toàn trình'],
      [r.online_partial, 'một phần'],
    ];
    const usedModes = modes.filter(([count]) => count > 0);
    const modeNote =
      usedModes.length === 1 && usedModes[0]![0] === r.online
        ? ` (đều là dịch vụ công trực tuyến ${usedModes[0]![1]})`
        : usedModes.length > 0
          ? ` (${listJoin(usedModes.map(([count, name]) => `${name} ${dossiers(count)}`))})`
          : '';
    const online = `trực tuyến ${dossiers(r.online)}${modeNote}`;
    const channels: Array<[number, string, string]> = [
      [r.direct, `trực tiếp ${dossiers(r.direct)}`, 'trực tiếp'],
      [r.online, online, 'trực tuyến'],
      [r.postal, `qua dịch vụ bưu chính công ích ${dossiers(r.postal)}`, 'qua dịch vụ bưu chính công ích'],
    ];
    const used = channels.filter(([count]) => count > 0);
    if (used.length === 1 && used[0]![0] === r.in_period) {
      sentence += `, toàn bộ tiếp nhận ${used[0]![2]}`;
      if (used[0]![2] === 'trực tuyến') sentence += modeNote;
    } else if (used.length > 0) {
      sentence += `, trong đó: ${listJoin(used.map(([, text]) => text))}`;
    }
  }
  if (r.carried_over > 0) {
    sentence += `; số hồ sơ tồn kỳ trước chuyển sang là ${dossiers(r.carried_over)}; tổng số hồ sơ phải giải quyết là ${dossiers(r.total)}.`;
  } else {
    sentence += '; không có hồ sơ tồn kỳ trước chuyển sang.';
  }
  return sentence;
}

function resolvedSentence(f: OneStopFigures): string {
  const { total, early, on_time: onTime, late } = f.resolved;
  if (total === 0) return 'Trong kỳ chưa có hồ sơ được giải quyết xong.';
  const rateValue = f.rates.on_time_pct.value;
  const rateText = rateValue === null ? '' : ` (đạt ${pct(rateValue)})`;
  if (late === 0) {
    const split = early > 0 && onTime > 0 ? `, trong đó trước hạn ${dossiers(early)}, đúng hạn ${dossiers(onTime)}` : '';
    const rateNote = rateValue === null ? '' : ` (tỷ lệ giải quyết đúng hạn đạt ${pct(rateValue)})`;
    return `Đã giải quyết xong ${dossiers(total)}${split}, không có hồ sơ quá hạn${rateNote}.`;
  }
  const parts = [
    ...(early > 0 ? [`trước hạn ${dossiers(early)}`] : []),
    ...(onTime > 0 ? [`đúng hạn ${dossiers(onTime)}`] : []),
    `quá hạn ${dossiers(late)}`,
  ];
  return (
    `Đã giải quyết xong ${dossiers(total)}, trong đó giải quyết ${listJoin(parts)}; ` +
    `số hồ sơ giải quyết đúng hạn (kể cả trước hạn) là ${dossiers(early + onTime)}${rateText}.`
  );
}

function pendingSentence(f: OneStopFigures): string {
  const { total, in_time: inTime, overdue, paused } = f.pending;
  if (total === 0) return 'Không có hồ sơ đang giải quyết.';
  let sentence = `Đang giải quyết ${dossiers(total)}`;
  if (overdue === 0) sentence += ', tất cả còn trong hạn';
  else if (inTime === 0) sentence += ', tất cả đã quá hạn';
  else sentence += `, trong đó còn trong hạn ${dossiers(inTime)}, đã quá hạn ${dossiers(overdue)}`;
  if (paused > 0) sentence += `; có ${dossiers(paused)} đang tạm dừng, chờ bổ sung, hoàn thiện`;
  return `${sentence}.`;
}

function returnedSentence(f: OneStopFigures): string | null {
  const returned = f.returned > 0 ? `Trả lại ${dossiers(f.returned)} do không đủ điều kiện giải quyết` : null;
  const withdrawn = f.withdrawn > 0 ? `tổ chức, cá nhân xin rút ${dossiers(f.withdrawn)}` : null;
  if (returned && withdrawn) return `${returned}; ${withdrawn}.`;
  if (returned) return `${returned}.`;
  if (withdrawn) return `Tổ chức, cá nhân xin rút ${dossiers(f.withdrawn)}.`;
  return null;
}

/**
 * The one-stop paragraph: received in the period by channel, carried over, resolved early / on
 * time / late with the on-time rate, pending in time / overdue, returned and withdrawn.
 * `unitName` is the subject of the first sentence ("UBND xã Thịnh Đức", or "Bộ phận Một cửa xã …").
 */
export function oneStopParagraph(stats: OneStopFigures, window: DataWindow | null, unitName: string): string {
  const sentences = [
    receivedSentence(stats, window, cleanText(unitName).trim()),
    resolvedSentence(stats),
    pendingSentence(stats),
    returnedSentence(stats),
  ];
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
  late: 'onestop.resolved_late',
  pending: 'onestop.pending',
  pending_in_time: 'onestop.pending_in_time',
  pending_overdue: 'onestop.pending_overdue',
  pending_paused: 'onestop.pending_paused',
  returned: 'onestop.returned',
  withdrawn: 'onestop.withdrawn',
} as const;

/**
 * The paragraph's figures as the report states them (including the official's corrections), read
 * from the rows by concept. Null when the template lacks one of the rows or a value is missing, so
 * a paragraph never states a figure the appendix does not carry.
 */
export function oneStopFiguresFromValues(template: Template, values: ReadonlyMap<string, { value: number | string | null }>): OneStopFigures | null {
  const byConcept = new Map(template.rows.filter((r) => r.concept).map((r) => [r.concept!, r.id]));
  const read: Record<string, number> = {};
  for (const [name, concept] of Object.entries(FIGURE_CONCEPTS)) {
    const rowId = byConcept.get(concept);
    const raw = rowId === undefined ? undefined : values.get(rowId)?.value;
    const value = raw === null || raw === undefined ? null : parseViNumber(raw);
    if (value === null) return null;
    read[name] = value;
  }
  const v = (name: keyof typeof FIGURE_CONCEPTS) => read[name]!;
  return {
    received: {
      carried_over: v('carried_over'),
      in_period: v('in_period'),
      direct: v('direct'),
      online: v('online'),
      postal: v('postal'),
      online_full: v('online_full'),
      online_partial: v('online_partial'),
      total: v('carried_over') + v('in_period'),
    },
    resolved: { total: v('resolved_total'), early: v('early'), on_time: v('on_due_day'), late: v('late') },
    pending: { total: v('pending'), in_time: v('pending_in_time'), overdue: v('pending_overdue'), paused: v('pending_paused') },
    returned: v('returned'),
    withdrawn: v('withdrawn'),
    rates: { on_time_pct: rate(v('early') + v('on_due_day'), v('resolved_total')) },
  };
}
