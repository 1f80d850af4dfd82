import { todayInVietnam } from '../../domain/calendar/date-time';
import { formatCutoffRule } from '../../domain/period';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { currentPeriod, readPeriod, readRule, windowOf, type PeriodWindow } from './periods';
import { EMPTY_FLOW_STATS, flowStatsByKey, RATE_INFO, type DashboardRate, type Rate, type RateInfo } from './rates';

export interface RankingQuery {
  unitId: number;
  /** Any period id (2026-Q1, 2025-M11, 2026-H1, 2025, a date range); by default the current quarter. */
  periodId?: string;
  rate?: DashboardRate;
  /** `desc` (default): the highest rate first; `asc` for a rate where lower is better (late). */
  order?: 'desc' | 'asc';
  rule?: string;
  today?: string;
}

export interface RankedUnit {
  /** 1 for the best; equal rates share a rank (1, 2, 2, 4); null when the rate has no denominator. */
  rank: number | null;
  unit: Pick<Unit, 'id' | 'code' | 'name' | 'level'>;
  rate: Rate;
  /** Dossiers received and resolved in the window (the size behind the rate). */
  received: number;
  resolved: number;
}

export interface RankingResult {
  unit: Unit;
  period: PeriodWindow;
  rule: string;
  /** The day the child units are taken on: the last day of the window. */
  unitsOn: string;
  rate: RateInfo;
  order: 'desc' | 'asc';
  items: RankedUnit[];
}

/**
 * The reporting units directly under a unit (in force at the end of the period: the communes of a
 * province after 2025, its districts before), each with its whole subtree's rate over the period,
 * best first. One query sums every child's subtree.
 */
export async function dashboardRanking(store: Store, user: SessionUser, query: RankingQuery): Promise<RankingResult> {
  const unit = await assertUnitAccess(store, user, query.unitId, 'read');
  const rule = readRule(query.rule);
  const today = query.today ?? todayInVietnam();
  const period = windowOf(query.periodId ? readPeriod(query.periodId) : currentPeriod(today, 'quarter', rule), rule);
  const rateKey = query.rate ?? 'on_time_pct';
  const order = query.order ?? 'desc';

  const children = await store.units.children(unit.id, period.to);
  const flows = await store.dashboardStats.flowsBySubtree(
    children.map((c) => c.id),
    period.from,
    period.to,
  );
  const stats = flowStatsByKey(flows);
  const rows = children.map((child) => {
    const s = stats.get(String(child.id)) ?? EMPTY_FLOW_STATS;
    return {
      unit: { id: child.id, code: child.code, name: child.name, level: child.level },
      rate: s.rates[rateKey],
      received: s.received.in_period,
      resolved: s.resolved.total,
    };
  });
  const sign = order === 'desc' ? -1 : 1;
  rows.sort((a, b) => {
    if (a.rate.value === null || b.rate.value === null) {
      if (a.rate.value !== b.rate.value) return a.rate.value === null ? 1 : -1;
    } else if (a.rate.value !== b.rate.value) {
      return sign * (a.rate.value - b.rate.value);
    }
    // Equal rates: the one resting on more dossiers first, then by name.
    return b.rate.denominator - a.rate.denominator || a.unit.name.localeCompare(b.unit.name, 'vi') || a.unit.code.localeCompare(b.unit.code);
  });
  const items: RankedUnit[] = [];
  rows.forEach((row, i) => {
    const previous = items[i - 1];
    const rank = row.rate.value === null ? null : previous && previous.rate.value === row.rate.value ? previous.rank : i + 1;
    items.push({ rank, ...row });
  });
  return { unit, period, rule: formatCutoffRule(rule), unitsOn: period.to, rate: RATE_INFO[rateKey], order, items };
}

export interface DistributionBucket {
  key: string;
  /** "0–10%", …, "90–100%", "Không có hồ sơ" (the app writes 98,07%, without a space). */
  label: string;
  /** Bounds in percent: from ≤ rate < to (the last bucket includes 100); null for the no-dossier bucket. */
  from: number | null;
  to: number | null;
  count: number;
  units: Array<Pick<Unit, 'id' | 'code' | 'name'>>;
}

export interface DistributionResult extends Omit<RankingResult, 'items' | 'order'> {
  unitCount: number;
  buckets: DistributionBucket[];
}

export const BUCKET_WIDTH = 10;

/** The children's rates of a ranking counted into ten bands of 10 points, and those with no dossier. */
export function distributionOf(ranking: RankingResult): DistributionResult {
  const buckets: DistributionBucket[] = Array.from({ length: 100 / BUCKET_WIDTH }, (_, i) => ({
    key: `${i * BUCKET_WIDTH}-${(i + 1) * BUCKET_WIDTH}`,
    label: `${i * BUCKET_WIDTH}–${(i + 1) * BUCKET_WIDTH}%`,
    from: i * BUCKET_WIDTH,
    to: (i + 1) * BUCKET_WIDTH,
    count: 0,
    units: [],
  }));
  const none: DistributionBucket = { key: 'none', label: 'Không có hồ sơ', from: null, to: null, count: 0, units: [] };
  const byName = [...ranking.items].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'));
  for (const item of byName) {
    const value = item.rate.value;
    const bucket = value === null ? none : buckets[Math.min(buckets.length - 1, Math.max(0, Math.floor(value / BUCKET_WIDTH)))]!;
    bucket.count += 1;
    bucket.units.push({ id: item.unit.id, code: item.unit.code, name: item.unit.name });
  }
  const { items, order: _order, ...rest } = ranking;
  return { ...rest, unitCount: items.length, buckets: [...buckets, none] };
}

export async function dashboardDistribution(store: Store, user: SessionUser, query: Omit<RankingQuery, 'order'>): Promise<DistributionResult> {
  return distributionOf(await dashboardRanking(store, user, query));
}
