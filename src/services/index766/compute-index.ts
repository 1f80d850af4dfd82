import { todayInVietnam } from '../../domain/calendar/date-time';
import { shortfallReasons } from '../../domain/index766/against';
import { computeIndex, findIndicator, rankByTotal, type IndexScore, type IndicatorScore } from '../../domain/index766/compute';
import { isDossierMetric, isProcedureMetric, type DossierMetric, type MetricCounts, type ProcedureMetric } from '../../domain/index766/metrics';
import type { Profile } from '../../domain/index766/profile';
import { parseCutoffRule, periodContaining, type Period } from '../../domain/period';
import type { Unit } from '../../domain/units/unit';
import { Index766Repository, type AgainstDossier, type AgainstProcedure, type DossierRules, type IndexWindow } from '../../store/repositories/index766.repository';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { periodsEndingWith, windowOf, type PeriodWindow } from '../dashboard/periods';
import { invalidInput, notFound } from '../errors';
import { readPeriod } from '../period-input';
import { resolveProfile } from './profile-files';

/** The portal scores calendar months (and quarters, years of calendar months), not report cut-offs. */
export const INDEX_RULE = parseCutoffRule('calendar');

export interface IndexPeriod extends PeriodWindow {
  /** The window has not ended: its counts run to `measuredTo` (today), a forecast of the period. */
  running: boolean;
  /** The last day counted: `to`, or today while the period runs (unfinished dossiers are measured on it). */
  measuredTo: string;
}

export interface ProfileInfo {
  id: string;
  name: string;
  version: string;
  basis: string;
  options: Profile['options'];
}

export interface RankedChild {
  rank: number | null;
  unit: Pick<Unit, 'id' | 'code' | 'name' | 'level'>;
  total: number | null;
  groups: Array<{ id: string; points: number; applicableMax: number }>;
  /** The dossiers behind the score: handled (resolved + pending) in the window. */
  handled: number;
}

export interface IndexResult {
  unit: Unit;
  period: IndexPeriod;
  profile: ProfileInfo;
  score: IndexScore;
  counts: MetricCounts;
  /** The units directly below (in force on the window's last day), each over its whole subtree, best first. */
  children: RankedChild[];
}

export interface IndexQuery {
  unitId: number;
  /** 2026-M10 (default: the current month), 2026-Q3, 2026, or a range 2026-01-01..2026-03-31. */
  periodId?: string;
  profileId?: string;
  today?: string;
}

/** The unit a caller may read: through the access gate for a signed-in user, any for the CLI operator. */
export async function readableUnit(store: Store, user: SessionUser | null, unitId: number, mode: 'read' | 'write' = 'read'): Promise<Unit> {
  if (user) return assertUnitAccess(store, user, unitId, mode);
  const unit = await store.units.findById(unitId);
  if (!unit) throw notFound('Không có đơn vị này.');
  return unit;
}

export function indexPeriod(period: Period, today: string): IndexPeriod {
  const window = windowOf(period, INDEX_RULE);
  if (window.from > today) throw invalidInput(`Kỳ ${window.label} chưa bắt đầu (từ ngày ${window.from.split('-').reverse().join('/')}).`);
  const running = window.to > today;
  return { ...window, running, measuredTo: running ? today : window.to };
}

export function periodOf(periodId: string | undefined, today: string): Period {
  return periodId ? readPeriod(periodId) : periodContaining(today, 'month', INDEX_RULE);
}

export const rulesOf = (profile: Profile): DossierRules => ({
  maxSupplementRequests: profile.options.max_supplement_requests,
  missingDueOnTime: profile.options.missing_due_day === 'on_time',
});

export const profileInfo = (p: Profile): ProfileInfo => ({ id: p.id, name: p.name, version: p.version, basis: p.basis, options: p.options });

const windowKey = (period: IndexPeriod): IndexWindow => ({ key: period.id, from: period.from, to: period.measuredTo });

/** Counts of the dossiers, procedures and manual inputs of each root for each window, in two set-wise queries. */
async function allCounts(store: Store, rootIds: number[], windows: IndexWindow[], rules: DossierRules): Promise<Map<string, MetricCounts>> {
  const repo = new Index766Repository(store.db);
  const [counts, manual] = await Promise.all([repo.counts(rootIds, windows, rules), repo.manualSums(rootIds, windows)]);
  const out = new Map<string, MetricCounts>();
  for (const row of counts) out.set(`${row.root}/${row.window}`, { ...row.counts });
  for (const row of manual) Object.assign(out.get(`${row.root}/${row.window}`) ?? {}, row.counts);
  return out;
}

/**
 * The index of a unit's subtree for a period, and the ranking of the units directly below it —
 * all from the summed counts of each subtree (never an average of scores or rates).
 */
export async function computeIndex766(store: Store, user: SessionUser | null, query: IndexQuery): Promise<IndexResult> {
  const unit = await readableUnit(store, user, query.unitId);
  const today = query.today ?? todayInVietnam();
  const period = indexPeriod(periodOf(query.periodId, today), today);
  const profile = resolveProfile(query.profileId, period.to);
  const children = await store.units.children(unit.id, period.to);
  const counts = await allCounts(store, [unit.id, ...children.map((c) => c.id)], [windowKey(period)], rulesOf(profile));
  const own = counts.get(`${unit.id}/${period.id}`) ?? {};
  const scored = children.map((child) => {
    const c = counts.get(`${child.id}/${period.id}`) ?? {};
    return { child, score: computeIndex(profile, child.level, c), handled: (c.resolved ?? 0) + (c.pending ?? 0) };
  });
  const ranked = rankByTotal(
    scored,
    (s) => s.score.total,
    (a, b) => b.handled - a.handled || a.child.name.localeCompare(b.child.name, 'vi') || a.child.code.localeCompare(b.child.code),
  );
  return {
    unit,
    period,
    profile: profileInfo(profile),
    score: computeIndex(profile, unit.level, own),
    counts: own,
    children: ranked.map(({ rank, item }) => ({
      rank,
      unit: { id: item.child.id, code: item.child.code, name: item.child.name, level: item.child.level },
      total: item.score.total,
      groups: item.score.groups.map((g) => ({ id: g.id, points: g.points, applicableMax: g.applicableMax })),
      handled: item.handled,
    })),
  };
}

export interface TrendPoint extends IndexPeriod {
  profileId: string;
  total: number | null;
  groups: Array<{ id: string; name: string; points: number; applicableMax: number }>;
}

export interface TrendResult {
  unit: Unit;
  points: TrendPoint[];
}

/** The index of the last `count` months up to a month (default: the current one), in one query. */
export async function index766Trend(
  store: Store,
  user: SessionUser | null,
  query: { unitId: number; periodId?: string; count?: number; profileId?: string; today?: string },
): Promise<TrendResult> {
  const unit = await readableUnit(store, user, query.unitId);
  const today = query.today ?? todayInVietnam();
  const last = periodOf(query.periodId, today);
  if (last.kind !== 'month') throw invalidInput('Xu hướng Chỉ số 766 tính theo tháng: kỳ cuối phải là một tháng (ví dụ 2026-M10).');
  const count = query.count ?? 12;
  if (!Number.isInteger(count) || count < 1 || count > 36) throw invalidInput('Số tháng của xu hướng phải từ 1 đến 36.');
  const periods = periodsEndingWith(last, count)
    .map((p) => windowOf(p, INDEX_RULE))
    .filter((w) => w.from <= today)
    .map((w) => ({ ...w, running: w.to > today, measuredTo: w.to > today ? today : w.to }));
  const profiles = periods.map((p) => resolveProfile(query.profileId, p.to));
  // One query per distinct rule set (both shipped profiles share theirs, so one in practice).
  const byRules = new Map<string, { rules: DossierRules; windows: IndexWindow[] }>();
  periods.forEach((p, i) => {
    const rules = rulesOf(profiles[i]!);
    const key = JSON.stringify(rules);
    const entry = byRules.get(key) ?? { rules, windows: [] };
    entry.windows.push(windowKey(p));
    byRules.set(key, entry);
  });
  const counts = new Map<string, MetricCounts>();
  for (const { rules, windows } of byRules.values()) for (const [k, v] of await allCounts(store, [unit.id], windows, rules)) counts.set(k, v);
  return {
    unit,
    points: periods.map((p, i) => {
      const score = computeIndex(profiles[i]!, unit.level, counts.get(`${unit.id}/${p.id}`) ?? {});
      return {
        ...p,
        profileId: profiles[i]!.id,
        total: score.total,
        groups: score.groups.map((g) => ({ id: g.id, name: g.name, points: g.points, applicableMax: g.applicableMax })),
      };
    }),
  };
}

export type AgainstKind = 'dossiers' | 'procedures' | 'none';

export interface AgainstResult {
  unit: Unit;
  period: IndexPeriod;
  profile: ProfileInfo;
  indicator: IndicatorScore;
  kind: AgainstKind;
  /** Why there is no list (an indicator resting on manual inputs), in Vietnamese. */
  note: string | null;
  total: number;
  dossiers: Array<AgainstDossier & { reasons: string[] }>;
  procedures: AgainstProcedure[];
}

export const MAX_AGAINST_PAGE = 500;
export const MAX_AGAINST_DOWNLOAD = 20000;

/**
 * The dossiers (or procedures) that count in a sub-indicator's denominator and not in its
 * numerator: what cost the unit points, with the reason for each dossier.
 */
export async function index766Against(
  store: Store,
  user: SessionUser | null,
  query: IndexQuery & { indicatorId: string; limit?: number; offset?: number },
): Promise<AgainstResult> {
  const unit = await readableUnit(store, user, query.unitId);
  const today = query.today ?? todayInVietnam();
  const period = indexPeriod(periodOf(query.periodId, today), today);
  const profile = resolveProfile(query.profileId, period.to);
  const found = findIndicator(profile, query.indicatorId);
  if (!found) throw invalidInput(`Bộ tiêu chí "${profile.id}" không có chỉ số "${query.indicatorId}".`);
  const { indicator } = found;
  const rules = rulesOf(profile);
  const window = windowKey(period);
  const counts = (await allCounts(store, [unit.id], [window], rules)).get(`${unit.id}/${period.id}`) ?? {};
  const score = computeIndex(profile, unit.level, counts).groups.flatMap((g) => g.indicators).find((i) => i.id === indicator.id)!;
  const base = { unit, period, profile: profileInfo(profile), indicator: score, total: 0, dossiers: [], procedures: [] };
  const metrics = [...indicator.numerator, ...indicator.denominator];
  const repo = new Index766Repository(store.db);
  if (metrics.every(isDossierMetric)) {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const page = await repo.dossiersAgainst(unit.id, window, rules, indicator.denominator as DossierMetric[], indicator.numerator as DossierMetric[], { limit, offset });
    const ctx = { to: period.measuredTo, maxSupplementRequests: rules.maxSupplementRequests, missingDueOnTime: rules.missingDueOnTime };
    return {
      ...base,
      kind: 'dossiers',
      note: null,
      total: page.total,
      dossiers: page.items.map((d) => ({ ...d, reasons: shortfallReasons(indicator.numerator as DossierMetric[], d, ctx) })),
    };
  }
  if (metrics.every(isProcedureMetric)) {
    const procedures = await repo.proceduresAgainst(unit.id, window, rules, indicator.denominator as ProcedureMetric[], indicator.numerator as ProcedureMetric[]);
    return { ...base, kind: 'procedures', note: null, total: procedures.length, procedures };
  }
  return {
    ...base,
    kind: 'none',
    note: 'Chỉ số này dựa vào số liệu nhập tay (không có trong hồ sơ), nên không có danh sách hồ sơ; xem và sửa số liệu nhập tay của kỳ.',
  };
}
