import type { DossierStats, Rate } from '../domain/dossiers/metrics';
import { formatDateVi } from '../domain/text/iso-date';
import { formatViPercent } from '../domain/templates/vi-number';
import type { StatsResult } from '../services/dossiers/compute-dossier-stats';

const n = (value: number) => value.toLocaleString('vi-VN');
const pct = (rate: Rate) =>
  rate.value === null ? '—' : `${formatViPercent(rate.value)} (${n(rate.numerator)}/${n(rate.denominator)})`;

function lines(stats: DossierStats): string[] {
  const s = stats;
  return [
    `Tồn kỳ trước chuyển sang            ${n(s.received.carried_over)}`,
    `Tiếp nhận trong kỳ                  ${n(s.received.in_period)}  (trực tiếp ${n(s.received.direct)}, trực tuyến ${n(s.received.online)}, bưu chính ${n(s.received.postal)})`,
    `  trực tuyến toàn trình / một phần  ${n(s.received.online_full)} / ${n(s.received.online_partial)}`,
    `Tổng số hồ sơ phải giải quyết       ${n(s.received.total)}`,
    `Đã giải quyết                       ${n(s.resolved.total)}  (trước hạn ${n(s.resolved.early)}, đúng hạn ${n(s.resolved.on_time)}, quá hạn ${n(s.resolved.late)})`,
    `Đang giải quyết cuối kỳ             ${n(s.pending.total)}  (trong hạn ${n(s.pending.in_time)}, quá hạn ${n(s.pending.overdue)}; chờ bổ sung/tạm dừng ${n(s.pending.paused)})`,
    `Trả lại / rút hồ sơ                 ${n(s.returned)} / ${n(s.withdrawn)}`,
    `Tỷ lệ giải quyết đúng hạn           ${pct(s.rates.on_time_pct)}`,
    `Tỷ lệ tiếp nhận trực tuyến          ${pct(s.rates.online_pct)}`,
    `Trực tuyến / hồ sơ TTHC toàn trình  ${pct(s.rates.online_full_pct)}`,
    `Số hóa đầu vào / kết quả            ${pct(s.rates.digitized_input_pct)} / ${pct(s.rates.digitized_output_pct)}`,
    `Thanh toán trực tuyến               ${pct(s.rates.payment_online_pct)}`,
    `Mức độ hài lòng                     ${pct(s.rates.satisfaction_pct)}`,
  ];
}

export function formatStatsTable(unitName: string, result: StatsResult): string {
  const out = [`Thống kê hồ sơ của ${unitName} từ ${formatDateVi(result.from)} đến ${formatDateVi(result.to)}:`, ...lines(result.stats)];
  for (const group of result.groups ?? []) out.push('', `— ${group.label}`, ...lines(group.stats).map((l) => `  ${l}`));
  return out.join('\n');
}
