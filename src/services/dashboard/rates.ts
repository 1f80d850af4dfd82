import type { Channel } from '../../domain/dossiers/dossier';
import type { FactCounts } from '../../domain/dossiers/facts';
import { computeStats, type DossierStats, type OpenSet, type Rate } from '../../domain/dossiers/metrics';
import type { KeyedFlows } from '../../store/repositories/dashboard-stats.repository';

/** Every rate of docs/metrics.md: each is a ratio of two flows of the window, so daily facts suffice. */
export const DASHBOARD_RATES = [
  'on_time_pct',
  'late_pct',
  'online_pct',
  'online_full_pct',
  'digitized_input_pct',
  'digitized_output_pct',
  'payment_online_pct',
  'satisfaction_pct',
] as const;
export type DashboardRate = (typeof DASHBOARD_RATES)[number];

/** The key indicators whose trend the dashboard draws. */
export const TREND_RATES = ['on_time_pct', 'online_pct', 'digitized_input_pct', 'payment_online_pct'] as const satisfies readonly DashboardRate[];
export type TrendRate = (typeof TREND_RATES)[number];

export interface RateInfo {
  key: DashboardRate;
  /** "Tỷ lệ giải quyết đúng hạn". */
  label: string;
  /** What the numerator counts: "Hồ sơ giải quyết trước hạn và đúng hạn". */
  numerator: string;
  /** What the denominator counts: "Hồ sơ đã giải quyết". */
  denominator: string;
}

export const RATE_INFO: Record<DashboardRate, RateInfo> = {
  on_time_pct: { key: 'on_time_pct', label: 'Tỷ lệ giải quyết đúng hạn', numerator: 'Hồ sơ giải quyết trước hạn và đúng hạn', denominator: 'Hồ sơ đã giải quyết' },
  late_pct: { key: 'late_pct', label: 'Tỷ lệ giải quyết quá hạn', numerator: 'Hồ sơ giải quyết quá hạn', denominator: 'Hồ sơ đã giải quyết' },
  online_pct: { key: 'online_pct', label: 'Tỷ lệ tiếp nhận trực tuyến', numerator: 'Hồ sơ tiếp nhận trực tuyến', denominator: 'Hồ sơ tiếp nhận trong kỳ' },
  online_full_pct: {
    key: 'online_full_pct',
    label: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
    numerator: 'Hồ sơ nộp trực tuyến của thủ tục toàn trình',
    denominator: 'Hồ sơ của thủ tục toàn trình',
  },
  digitized_input_pct: { key: 'digitized_input_pct', label: 'Tỷ lệ số hóa hồ sơ', numerator: 'Hồ sơ đã số hóa đầu vào', denominator: 'Hồ sơ tiếp nhận trong kỳ' },
  digitized_output_pct: { key: 'digitized_output_pct', label: 'Tỷ lệ số hóa kết quả', numerator: 'Kết quả đã số hóa', denominator: 'Hồ sơ đã giải quyết' },
  payment_online_pct: { key: 'payment_online_pct', label: 'Tỷ lệ thanh toán trực tuyến', numerator: 'Hồ sơ thanh toán trực tuyến', denominator: 'Hồ sơ có phí, lệ phí' },
  satisfaction_pct: { key: 'satisfaction_pct', label: 'Tỷ lệ hài lòng', numerator: 'Đánh giá hài lòng và rất hài lòng', denominator: 'Hồ sơ có đánh giá' },
};

const NO_STOCK: OpenSet = { total: 0, inTime: 0, overdue: 0, paused: 0 };

/**
 * The flow statistics of each group key (window or child unit) from grouped flow rows. Stocks are
 * left at zero: only the flows (received, resolved, rates) of the result are meaningful.
 */
export function flowStatsByKey(rows: KeyedFlows[]): Map<string, DossierStats> {
  const byKey = new Map<string, Partial<Record<Channel, FactCounts>>>();
  for (const row of rows) {
    const channels = byKey.get(row.key) ?? {};
    channels[row.channel] = row.counts;
    byKey.set(row.key, channels);
  }
  return new Map([...byKey].map(([key, flows]) => [key, computeStats({ flows, openBefore: NO_STOCK, openAtEnd: NO_STOCK })]));
}

/** The statistics of a group with no dossier at all. */
export const EMPTY_FLOW_STATS: DossierStats = computeStats({ flows: {}, openBefore: NO_STOCK, openAtEnd: NO_STOCK });

export type { Rate };
