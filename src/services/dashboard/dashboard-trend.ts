import { todayInVietnam } from '../../domain/calendar/date-time';
import { formatCutoffRule, PeriodError } from '../../domain/period';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { invalidInput } from '../errors';
import {
  currentPeriod,
  DEFAULT_TREND_LENGTH,
  MAX_TREND_LENGTH,
  periodsEndingWith,
  readPeriod,
  readRule,
  TREND_KIND_LABELS,
  windowOf,
  type PeriodWindow,
  type TrendKind,
} from './periods';
import { EMPTY_FLOW_STATS, flowStatsByKey, RATE_INFO, TREND_RATES, type Rate, type RateInfo, type TrendRate } from './rates';

export interface TrendQuery {
  unitId: number;
  kind: TrendKind;
  /** The last period shown (of `kind`); by default the one whose window holds today. */
  periodId?: string;
  /** How many periods; by default a year of months, two years of quarters, three of halves, five years. */
  count?: number;
  /** Cut-off rule (nd09 by default, as on the statistics page). */
  rule?: string;
  today?: string;
}

export interface TrendPoint extends PeriodWindow {
  /** The window ends after today: its numbers are still growing. */
  running: boolean;
  received: number;
  resolved: number;
  rates: Record<TrendRate, Rate>;
}

export interface TrendResult {
  unit: Unit;
  kind: TrendKind;
  rule: string;
  rates: RateInfo[];
  points: TrendPoint[];
}

/**
 * The four key rates of a unit's whole subtree over the last `count` periods of a kind, each
 * recomputed from its own numerator and denominator; one grouped query for all the periods.
 */
export async function dashboardTrend(store: Store, user: SessionUser, query: TrendQuery): Promise<TrendResult> {
  const unit = await assertUnitAccess(store, user, query.unitId, 'read');
  const rule = readRule(query.rule);
  const today = query.today ?? todayInVietnam();
  const count = query.count ?? DEFAULT_TREND_LENGTH[query.kind];
  if (!Number.isInteger(count) || count < 1 || count > MAX_TREND_LENGTH) {
    throw invalidInput(`Số kỳ phải từ 1 đến ${MAX_TREND_LENGTH}.`);
  }
  const last = query.periodId ? readPeriod(query.periodId) : currentPeriod(today, query.kind, rule);
  if (last.kind !== query.kind) {
    throw invalidInput(`Kỳ "${last.id}" không phải là kỳ ${TREND_KIND_LABELS[query.kind]}.`);
  }
  let windows: PeriodWindow[];
  try {
    windows = periodsEndingWith(last, count).map((p) => windowOf(p, rule));
  } catch (error) {
    if (error instanceof PeriodError) throw invalidInput(error.message);
    throw error;
  }

  const unitIds = [...(await store.units.subtreeIds(unit.id))];
  const flows = await store.dashboardStats.flowsByWindow(
    unitIds,
    windows.map((w) => ({ key: w.id, from: w.from, to: w.to })),
  );
  const stats = flowStatsByKey(flows);
  const points = windows.map((w): TrendPoint => {
    const s = stats.get(w.id) ?? EMPTY_FLOW_STATS;
    return {
      ...w,
      running: w.to > today,
      received: s.received.in_period,
      resolved: s.resolved.total,
      rates: Object.fromEntries(TREND_RATES.map((key) => [key, s.rates[key]])) as Record<TrendRate, Rate>,
    };
  });
  return { unit, kind: query.kind, rule: formatCutoffRule(rule), rates: TREND_RATES.map((key) => RATE_INFO[key]), points };
}
