import { api } from './client';
import type { Unit } from './types';

/** A rate with what it is made of; `value` is a percentage (2 decimals), null when the denominator is 0. */
export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}

export const RATE_KEYS = [
  'on_time_pct',
  'late_pct',
  'online_pct',
  'online_full_pct',
  'digitized_input_pct',
  'digitized_output_pct',
  'payment_online_pct',
  'satisfaction_pct',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];

/** The one-stop statistics of docs/metrics.md. */
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
  rates: Partial<Record<RateKey, Rate>>;
}

export interface StatsGroup {
  key: string;
  label: string;
  stats: DossierStats;
}

export interface StatsAnswer {
  unit: Unit;
  from: string;
  to: string;
  unitCount: number;
  stats: DossierStats;
  groups?: StatsGroup[];
}

export interface StatsQuery {
  unitId: number;
  from: string;
  to: string;
  by?: 'field' | 'procedure' | 'unit';
}

export const getStats = (query: StatsQuery, signal?: AbortSignal) =>
  api.get<StatsAnswer>('/api/stats', { query: { ...query }, ...(signal ? { signal } : {}) });
