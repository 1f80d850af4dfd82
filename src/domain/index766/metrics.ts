/**
 * The counts an index profile may name in a rate's numerator or denominator (docs/index-766.md).
 * Dossier metrics are counted over the dossiers of a unit's subtree for a window [from, to] by
 * the 766 rules (on time, supplement requests, unfinished dossiers measured at the window's end);
 * procedure metrics over the procedures those dossiers belong to; manual metrics are the inputs a
 * unit enters per month (`manual.<key>`, declared by the profile).
 */
export const DOSSIER_METRICS = [
  'received',
  'received_online',
  'received_online_capable',
  'received_online_capable_online',
  'carried_over',
  'resolved',
  'resolved_on_time',
  'resolved_late',
  'pending',
  'pending_in_time',
  'pending_overdue',
  'returned',
  'withdrawn',
  'supplement_many',
  'digitized_input',
  'digitized_output',
  'with_fee',
  'paid_online',
  'rated',
  'rated_satisfied',
] as const;
export type DossierMetric = (typeof DOSSIER_METRICS)[number];

export const PROCEDURE_METRICS = [
  'procedures',
  'procedures_online_capable',
  'procedures_online_capable_with_online',
  'procedures_with_fee',
  'procedures_with_fee_paid_online',
] as const;
export type ProcedureMetric = (typeof PROCEDURE_METRICS)[number];

export const MANUAL_PREFIX = 'manual.';

export type MetricKind = 'dossier' | 'procedure' | 'manual';

export const METRIC_LABELS: Record<DossierMetric | ProcedureMetric, string> = {
  received: 'Hồ sơ tiếp nhận trong kỳ',
  received_online: 'Hồ sơ tiếp nhận trực tuyến trong kỳ',
  received_online_capable: 'Hồ sơ tiếp nhận trong kỳ của thủ tục có dịch vụ công trực tuyến (toàn trình hoặc một phần)',
  received_online_capable_online: 'Hồ sơ nộp trực tuyến của thủ tục có dịch vụ công trực tuyến',
  carried_over: 'Hồ sơ tồn kỳ trước chuyển sang',
  resolved: 'Hồ sơ đã giải quyết trong kỳ',
  resolved_on_time: 'Hồ sơ giải quyết trước hạn, đúng hạn (theo quy tắc 766)',
  resolved_late: 'Hồ sơ giải quyết quá hạn (theo quy tắc 766)',
  pending: 'Hồ sơ đang giải quyết cuối kỳ',
  pending_in_time: 'Hồ sơ đang giải quyết còn hạn cuối kỳ (theo quy tắc 766)',
  pending_overdue: 'Hồ sơ đang giải quyết quá hạn cuối kỳ (theo quy tắc 766)',
  returned: 'Hồ sơ trả lại trong kỳ (không đủ điều kiện)',
  withdrawn: 'Hồ sơ công dân rút trong kỳ',
  supplement_many: 'Hồ sơ (đã giải quyết hoặc đang giải quyết) bị yêu cầu bổ sung quá số lần cho phép',
  digitized_input: 'Hồ sơ tiếp nhận trong kỳ có số hóa thành phần hồ sơ',
  digitized_output: 'Hồ sơ đã giải quyết có kết quả điện tử (số hóa kết quả)',
  with_fee: 'Hồ sơ tiếp nhận trong kỳ phải nộp phí, lệ phí',
  paid_online: 'Hồ sơ phải nộp phí đã thanh toán trực tuyến',
  rated: 'Hồ sơ đã giải quyết có đánh giá của người dân',
  rated_satisfied: 'Hồ sơ được đánh giá hài lòng hoặc rất hài lòng',
  procedures: 'Thủ tục có hồ sơ tiếp nhận trong kỳ',
  procedures_online_capable: 'Thủ tục có hồ sơ trong kỳ và có dịch vụ công trực tuyến',
  procedures_online_capable_with_online: 'Thủ tục có dịch vụ công trực tuyến đã phát sinh hồ sơ trực tuyến trong kỳ',
  procedures_with_fee: 'Thủ tục có hồ sơ phải nộp phí trong kỳ',
  procedures_with_fee_paid_online: 'Thủ tục có phí đã phát sinh thanh toán trực tuyến trong kỳ',
};

const DOSSIER_SET = new Set<string>(DOSSIER_METRICS);
const PROCEDURE_SET = new Set<string>(PROCEDURE_METRICS);

export const isDossierMetric = (name: string): name is DossierMetric => DOSSIER_SET.has(name);
export const isProcedureMetric = (name: string): name is ProcedureMetric => PROCEDURE_SET.has(name);

export function metricKind(name: string): MetricKind | null {
  if (isDossierMetric(name)) return 'dossier';
  if (isProcedureMetric(name)) return 'procedure';
  if (name.startsWith(MANUAL_PREFIX) && name.length > MANUAL_PREFIX.length) return 'manual';
  return null;
}

/** The counts of one unit's subtree for one window, by metric name (manual ones as `manual.<key>`). */
export type MetricCounts = Record<string, number>;
