import type { UnitLevel } from '../units/unit';
import type { MetricCounts } from './metrics';
import { appliesToLevel, type Indicator, type Profile, type ScoringKind, type UnscoredRule } from './profile';

/**
 * The index of one unit (its whole subtree) for one window, from the counts of the metrics its
 * profile names. Pure: the same counts always give the same points. Every rate is recomputed from
 * its summed parts; 0/0 and "not for this level" follow the profile's stated rules, never a guess.
 */

export type IndicatorStatus = 'scored' | 'zero_denominator' | 'not_applicable' | 'inconsistent';

export interface MetricPart {
  metric: string;
  value: number;
}

export interface IndicatorScore {
  id: string;
  groupId: string;
  name: string;
  kind: ScoringKind;
  /** Percent, for `threshold`. */
  threshold: number | null;
  max: number;
  numerator: number;
  denominator: number;
  numeratorParts: MetricPart[];
  denominatorParts: MetricPart[];
  /** Percent rounded to two decimals; null when the denominator is 0 or the indicator does not apply. */
  rate: number | null;
  /** Points earned, rounded to two decimals; null when the indicator is excluded from the index. */
  points: number | null;
  /** Points the unit did not get (0 when excluded). */
  lost: number;
  status: IndicatorStatus;
  /** The rule applied when the indicator could not be scored from its rate. */
  rule: UnscoredRule | null;
  /** Why the indicator scored as it did, in Vietnamese, when it was not from its rate. */
  explanation: string | null;
  verified: boolean;
  source: string;
}

export interface GroupScore {
  id: string;
  name: string;
  max: number;
  /** The points of the indicators that count (not excluded). */
  applicableMax: number;
  points: number;
  indicators: IndicatorScore[];
}

export interface IndexScore {
  profileId: string;
  /** Points out of 100 (rescaled when the profile says so), or null when no indicator counts. */
  total: number | null;
  /** The sum of the groups' points before any rescaling. */
  earned: number;
  /** The sum of the points of the indicators that count. */
  applicableMax: number;
  rescaled: boolean;
  groups: GroupScore[];
}

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/** Points from a rate (numerator/denominator, 0 < denominator, numerator ≤ denominator). */
export function pointsOf(kind: ScoringKind, max: number, numerator: number, denominator: number, threshold?: number | null): number {
  const rate = numerator / denominator;
  if (kind === 'linear') return round2(max * rate);
  const t = (threshold ?? 100) / 100;
  return rate >= t ? max : round2((max * rate) / t);
}

const sumOf = (names: string[], counts: MetricCounts): { total: number; parts: MetricPart[] } => {
  const parts = names.map((metric) => ({ metric, value: counts[metric] ?? 0 }));
  return { total: parts.reduce((s, p) => s + p.value, 0), parts };
};

function unscored(rule: UnscoredRule, max: number): { points: number | null; lost: number } {
  if (rule === 'full') return { points: max, lost: 0 };
  if (rule === 'zero') return { points: 0, lost: max };
  return { points: null, lost: 0 };
}

const RULE_WORDS: Record<UnscoredRule, string> = {
  full: 'được tính đủ điểm',
  zero: 'không được điểm',
  excluded: 'không tính vào chỉ số (thang điểm được quy đổi)',
};

export function scoreIndicator(profile: Profile, groupId: string, indicator: Indicator, level: UnitLevel, counts: MetricCounts): IndicatorScore {
  const num = sumOf(indicator.numerator, counts);
  const den = sumOf(indicator.denominator, counts);
  const base = {
    id: indicator.id,
    groupId,
    name: indicator.name,
    kind: indicator.kind,
    threshold: indicator.threshold ?? null,
    max: indicator.points,
    numerator: num.total,
    denominator: den.total,
    numeratorParts: num.parts,
    denominatorParts: den.parts,
    verified: indicator.verified,
    source: indicator.source,
  };
  if (!appliesToLevel(indicator, level)) {
    const rule = indicator.not_applicable ?? profile.options.not_applicable;
    return { ...base, rate: null, ...unscored(rule, indicator.points), status: 'not_applicable', rule, explanation: `Chỉ số không áp dụng cho cấp này nên ${RULE_WORDS[rule]}.` };
  }
  if (den.total === 0) {
    const rule = indicator.zero_denominator ?? profile.options.zero_denominator;
    return { ...base, rate: null, ...unscored(rule, indicator.points), status: 'zero_denominator', rule, explanation: `Mẫu số bằng 0 (không có gì để tính) nên ${RULE_WORDS[rule]}.` };
  }
  if (num.total > den.total) {
    return {
      ...base,
      rate: null,
      points: 0,
      lost: indicator.points,
      status: 'inconsistent',
      rule: null,
      explanation: `Tử số (${num.total}) lớn hơn mẫu số (${den.total}): số liệu mâu thuẫn, cần kiểm tra lại số liệu nhập tay; chưa cho điểm.`,
    };
  }
  const points = pointsOf(indicator.kind, indicator.points, num.total, den.total, indicator.threshold);
  return { ...base, rate: round2((100 * num.total) / den.total), points, lost: round2(indicator.points - points), status: 'scored', rule: null, explanation: null };
}

export function computeIndex(profile: Profile, level: UnitLevel, counts: MetricCounts): IndexScore {
  const groups: GroupScore[] = profile.groups.map((group) => {
    const indicators = group.indicators.map((indicator) => scoreIndicator(profile, group.id, indicator, level, counts));
    const counted = indicators.filter((i) => i.points !== null);
    return {
      id: group.id,
      name: group.name,
      max: group.points,
      applicableMax: round2(counted.reduce((s, i) => s + i.max, 0)),
      points: round2(counted.reduce((s, i) => s + (i.points ?? 0), 0)),
      indicators,
    };
  });
  const earned = round2(groups.reduce((s, g) => s + g.points, 0));
  const applicableMax = round2(groups.reduce((s, g) => s + g.applicableMax, 0));
  const rescaled = profile.options.rescale && applicableMax > 0 && applicableMax < 100;
  const total = applicableMax === 0 ? null : rescaled ? round2((100 * earned) / applicableMax) : earned;
  return { profileId: profile.id, total, earned, applicableMax, rescaled, groups };
}

/** Every metric a profile names (without duplicates), in order of first use. */
export function metricsOf(profile: Profile): string[] {
  const names = new Set<string>();
  for (const group of profile.groups) {
    for (const indicator of group.indicators) for (const name of [...indicator.numerator, ...indicator.denominator]) names.add(name);
  }
  return [...names];
}

export function findIndicator(profile: Profile, id: string): { groupId: string; indicator: Indicator } | undefined {
  for (const group of profile.groups) {
    const indicator = group.indicators.find((i) => i.id === id);
    if (indicator) return { groupId: group.id, indicator };
  }
  return undefined;
}

export interface Ranked<T> {
  rank: number | null;
  item: T;
}

/**
 * Units ranked by total, highest first; equal totals share a rank (1, 2, 2, 4); a unit with no
 * total (nothing to score) comes last without a rank. Ties are ordered by `tieBreak`.
 */
export function rankByTotal<T>(items: T[], totalOf: (item: T) => number | null, tieBreak: (a: T, b: T) => number): Array<Ranked<T>> {
  const sorted = [...items].sort((a, b) => {
    const x = totalOf(a);
    const y = totalOf(b);
    if (x === null || y === null) return x === y ? tieBreak(a, b) : x === null ? 1 : -1;
    return y - x || tieBreak(a, b);
  });
  const out: Array<Ranked<T>> = [];
  sorted.forEach((item, i) => {
    const total = totalOf(item);
    const previous = out[i - 1];
    const rank = total === null ? null : previous && previous.rank !== null && totalOf(previous.item) === total ? previous.rank : i + 1;
    out.push({ rank, item });
  });
  return out;
}
