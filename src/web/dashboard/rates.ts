import type { RateKey } from '../api/dashboard';

/** The rates a ranking can use, in the order of the statistics page (labels as docs/metrics.md names them). */
export const RATE_OPTIONS: Array<{ value: RateKey; label: string }> = [
  { value: 'on_time_pct', label: 'Tỷ lệ giải quyết đúng hạn' },
  { value: 'late_pct', label: 'Tỷ lệ giải quyết quá hạn' },
  { value: 'online_pct', label: 'Tỷ lệ tiếp nhận trực tuyến' },
  { value: 'online_full_pct', label: 'Tỷ lệ hồ sơ trực tuyến toàn trình' },
  { value: 'digitized_input_pct', label: 'Tỷ lệ số hóa hồ sơ' },
  { value: 'digitized_output_pct', label: 'Tỷ lệ số hóa kết quả' },
  { value: 'payment_online_pct', label: 'Tỷ lệ thanh toán trực tuyến' },
  { value: 'satisfaction_pct', label: 'Tỷ lệ hài lòng' },
];

export const isRateKey = (text: string | null): text is RateKey => RATE_OPTIONS.some((o) => o.value === text);

/** A rate where a lower value is better ranks from the lowest. */
export const LOWER_IS_BETTER: ReadonlySet<RateKey> = new Set(['late_pct']);
