import { CHANNELS, type Channel } from './dossier';
import { emptyCounts, FACT_COLUMNS, type FactCounts } from './facts';

/** The dossiers open (received, not finished) at the end of a day, as the stock metrics need them. */
export interface OpenSet {
  total: number;
  /** Of total: appointment day on or after the reference day. */
  inTime: number;
  /** Of total: appointment day before the reference day. */
  overdue: number;
  /** Of total: waiting for the applicant (supplement) or paused. */
  paused: number;
}

export interface Rate {
  /** Percentage rounded to two decimals; null when the denominator is 0. */
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface DossierStats {
  received: {
    carried_over: number;
    in_period: number;
    direct: number;
    online: number;
    postal: number;
    online_full: number;
    online_partial: number;
    total: number;
  };
  resolved: { total: number; early: number; on_time: number; late: number };
  pending: { total: number; in_time: number; overdue: number; paused: number };
  returned: number;
  withdrawn: number;
  digitized: { input: number; output: number };
  payment: { with_fee: number; online: number };
  rating: { total: number; very_satisfied: number; satisfied: number; unsatisfied: number };
  rates: {
    on_time_pct: Rate;
    late_pct: Rate;
    online_pct: Rate;
    online_full_pct: Rate;
    digitized_input_pct: Rate;
    digitized_output_pct: Rate;
    payment_online_pct: Rate;
    satisfaction_pct: Rate;
  };
}

export function rate(numerator: number, denominator: number): Rate {
  return {
    value: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 100,
    numerator,
    denominator,
  };
}

export interface StatsInputs {
  /** Window sums of the daily facts, per channel of receipt. */
  flows: Partial<Record<Channel, FactCounts>>;
  /** Open at the end of the day before the window. */
  openBefore: OpenSet;
  /** Open at the end of the window's last day. */
  openAtEnd: OpenSet;
}

export function sumCounts(rows: FactCounts[]): FactCounts {
  const total = emptyCounts();
  for (const row of rows) for (const column of FACT_COLUMNS) total[column] += row[column];
  return total;
}

/** Every statistic of a window, with the definitions documented in docs/metrics.md. */
export function computeStats(inputs: StatsInputs): DossierStats {
  const channel = (c: Channel) => inputs.flows[c] ?? emptyCounts();
  const all = sumCounts(CHANNELS.map(channel));
  const online = channel('online');
  const resolvedTotal = all.resolved_early + all.resolved_on_time + all.resolved_late;
  const ratingTotal = all.rating_very_satisfied + all.rating_satisfied + all.rating_unsatisfied;
  const received = {
    carried_over: inputs.openBefore.total,
    in_period: all.received,
    direct: channel('direct').received,
    online: online.received,
    postal: channel('postal').received,
    online_full: online.received_full_mode,
    online_partial: online.received_partial_mode,
    total: inputs.openBefore.total + all.received,
  };
  return {
    received,
    resolved: { total: resolvedTotal, early: all.resolved_early, on_time: all.resolved_on_time, late: all.resolved_late },
    pending: {
      total: inputs.openAtEnd.total,
      in_time: inputs.openAtEnd.inTime,
      overdue: inputs.openAtEnd.overdue,
      paused: inputs.openAtEnd.paused,
    },
    returned: all.returned,
    withdrawn: all.withdrawn,
    digitized: { input: all.digitized_input, output: all.digitized_output },
    payment: { with_fee: all.with_fee, online: all.paid_online },
    rating: {
      total: ratingTotal,
      very_satisfied: all.rating_very_satisfied,
      satisfied: all.rating_satisfied,
      unsatisfied: all.rating_unsatisfied,
    },
    rates: {
      on_time_pct: rate(all.resolved_early + all.resolved_on_time, resolvedTotal),
      late_pct: rate(all.resolved_late, resolvedTotal),
      online_pct: rate(online.received, all.received),
      online_full_pct: rate(online.received_full_mode, all.received_full_mode),
      digitized_input_pct: rate(all.digitized_input, all.received),
      digitized_output_pct: rate(all.digitized_output, resolvedTotal),
      payment_online_pct: rate(all.paid_online, all.with_fee),
      satisfaction_pct: rate(all.rating_very_satisfied + all.rating_satisfied, ratingTotal),
    },
  };
}

/** Every metric name a template may bind to (docs/metrics.md), as dotted paths into DossierStats. */
export const METRIC_NAMES = [
  'received.carried_over',
  'received.in_period',
  'received.direct',
  'received.online',
  'received.postal',
  'received.online_full',
  'received.online_partial',
  'received.total',
  'resolved.total',
  'resolved.early',
  'resolved.on_time',
  'resolved.late',
  'pending.total',
  'pending.in_time',
  'pending.overdue',
  'pending.paused',
  'returned',
  'withdrawn',
  'digitized.input',
  'digitized.output',
  'payment.with_fee',
  'payment.online',
  'rating.total',
  'rating.very_satisfied',
  'rating.satisfied',
  'rating.unsatisfied',
  'rates.on_time_pct',
  'rates.late_pct',
  'rates.online_pct',
  'rates.online_full_pct',
  'rates.digitized_input_pct',
  'rates.digitized_output_pct',
  'rates.payment_online_pct',
  'rates.satisfaction_pct',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Reads one metric of a stats object; a rate reads as its percentage value. */
export function metricValue(stats: DossierStats, name: string): number | null {
  let value: unknown = stats;
  for (const part of name.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'value' in value) return (value as Rate).value;
  return null;
}
