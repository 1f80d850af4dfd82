import { formatVn } from '../calendar/plain-date';
import type { DossierMetric } from './metrics';

/** What the drill-down knows of a dossier that cost points. */
export interface ShortfallDossier {
  state: string;
  channel: string;
  receivedDay: string;
  dueDay: string | null;
  finishDay: string | null;
  supplementRequests: number;
  digitizedInput: boolean;
  digitizedOutput: boolean;
  hasFee: boolean;
  paidOnline: boolean;
  rating: string | null;
}

export interface ShortfallContext {
  /** The window's last day (the day unfinished dossiers are measured on). */
  to: string;
  maxSupplementRequests: number;
  missingDueOnTime: boolean;
}

const FINISHED = new Set(['resolved', 'delivered', 'returned', 'withdrawn']);

/**
 * Why a dossier that counts in an indicator's denominator is missing from its numerator, in
 * Vietnamese: the line an office reads to know what to fix.
 */
export function shortfallReasons(numerator: DossierMetric[], d: ShortfallDossier, ctx: ShortfallContext): string[] {
  const reasons: string[] = [];
  const wants = (...names: DossierMetric[]) => names.some((n) => numerator.includes(n));
  const finishedByEnd = d.finishDay !== null && d.finishDay <= ctx.to && FINISHED.has(d.state);
  if (wants('resolved_on_time', 'pending_in_time')) {
    if (d.supplementRequests > ctx.maxSupplementRequests) {
      reasons.push(`Bị yêu cầu bổ sung ${d.supplementRequests} lần (quá ${ctx.maxSupplementRequests} lần) nên tính là quá hạn`);
    }
    if (d.dueDay === null) {
      if (!ctx.missingDueOnTime) reasons.push('Không có ngày hẹn trả nên tính là quá hạn');
    } else if (finishedByEnd && d.finishDay! > d.dueDay) {
      reasons.push(`Có kết quả ngày ${formatVn(d.finishDay!)}, sau ngày hẹn trả ${formatVn(d.dueDay)}`);
    } else if (!finishedByEnd && d.dueDay < ctx.to) {
      reasons.push(`Chưa có kết quả đến ngày ${formatVn(ctx.to)}, quá hạn từ ngày ${formatVn(d.dueDay)}`);
    }
  }
  if (wants('digitized_input') && !d.digitizedInput) reasons.push('Chưa số hóa thành phần hồ sơ khi tiếp nhận');
  if (wants('digitized_output') && !d.digitizedOutput) reasons.push('Kết quả giải quyết chưa được số hóa (chưa có kết quả điện tử)');
  if (wants('received_online', 'received_online_capable_online') && d.channel !== 'online') {
    reasons.push('Thủ tục có dịch vụ công trực tuyến nhưng hồ sơ không nộp trực tuyến');
  }
  if (wants('paid_online') && d.hasFee && !d.paidOnline) reasons.push('Phí, lệ phí không thanh toán trực tuyến');
  if (wants('rated_satisfied') && d.rating !== null && d.rating !== 'satisfied' && d.rating !== 'very_satisfied') {
    reasons.push('Người dân đánh giá không hài lòng');
  }
  return reasons.length > 0 ? reasons : ['Không thuộc tử số của chỉ số'];
}
