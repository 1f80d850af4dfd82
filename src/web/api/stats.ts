import { api } from './client';
import type { Unit } from './types';

// The shapes are the domain's own (pure, type-only): one definition for the server and the page.
import type { DossierStats, Rate } from '../../domain/dossiers/metrics';
export type { DossierStats, Rate };

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
