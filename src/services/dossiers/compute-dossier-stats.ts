import { todayInVietnam } from '../../domain/calendar/date-time';
import type { Channel } from '../../domain/dossiers/dossier';
import type { FactCounts } from '../../domain/dossiers/facts';
import { computeStats, type DossierStats, type OpenSet } from '../../domain/dossiers/metrics';
import { addDays } from '../../domain/calendar/plain-date';
import { parseDate } from '../../domain/text/iso-date';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import type { StatsBreakdown } from '../../store/repositories/dossier-stats.repository';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';
import { invalidInput } from '../errors';

export interface StatsQuery {
  unitId: number;
  from: string;
  to: string;
  by?: StatsBreakdown;
  /** Today in Vietnam (ISO); a window that ends later has its stocks measured today. */
  today?: string;
}


export interface StatsGroup {
  key: string;
  label: string;
  stats: DossierStats;
}

export interface StatsResult {
  unit: Unit;
  from: string;
  to: string;
  /** The day the stocks (pending, overdue) were measured: `to`, or today while the window runs. */
  stocksOn: string;
  /** The unit and every unit below it that were counted. */
  unitCount: number;
  stats: DossierStats;
  groups?: StatsGroup[];
}

const EMPTY_OPEN: OpenSet = { total: 0, inTime: 0, overdue: 0, paused: 0 };

export function checkWindow(from: string, to: string): { from: string; to: string } {
  const f = parseDate(from);
  const t = parseDate(to);
  const problems: string[] = [];
  if (!f) problems.push(`Ngày bắt đầu "${from}" không hợp lệ.`);
  if (!t) problems.push(`Ngày kết thúc "${to}" không hợp lệ.`);
  if (f && t && f > t) problems.push('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  if (problems.length > 0) throw invalidInput(problems.join(' '));
  return { from: f!, to: t! };
}

/**
 * The one-stop statistics of a unit's subtree over [from, to] (both days included): flows from
 * the daily facts of the window, stocks from the dossiers open on the day before and on the last day.
 */
export async function computeDossierStats(store: Store, user: SessionUser | null, query: StatsQuery): Promise<StatsResult> {
  const { from, to } = checkWindow(query.from, query.to);
  const unit = user ? await assertUnitAccess(store, user, query.unitId, 'read') : await store.units.findById(query.unitId);
  if (!unit) throw invalidInput('Không tìm thấy đơn vị.');
  const unitIds = [...(await store.units.subtreeIds(unit.id))];
  const dayBefore = addDays(from, -1);
  // A period still running (the current quarter) has no end yet: what is pending, and overdue,
  // is what is pending and overdue today, not on a future day.
  const today = query.today ?? todayInVietnam();
  const stockDay = to > today ? today : to;

  const [flows, openBefore, openAtEnd] = await Promise.all([
    store.dossierStats.flows(unitIds, from, to),
    store.dossierStats.openAt(unitIds, dayBefore),
    store.dossierStats.openAt(unitIds, stockDay),
  ]);
  const byChannel = (rows: typeof flows) =>
    Object.fromEntries(rows.map((row) => [row.channel, row.counts])) as Partial<Record<Channel, FactCounts>>;
  const stats = computeStats({
    flows: byChannel(flows),
    openBefore: openBefore.get('') ?? EMPTY_OPEN,
    openAtEnd: openAtEnd.get('') ?? EMPTY_OPEN,
  });
  const result: StatsResult = { unit, from, to, stocksOn: stockDay, unitCount: unitIds.length, stats };
  if (!query.by) return result;

  const [groupFlows, groupBefore, groupEnd] = await Promise.all([
    store.dossierStats.flows(unitIds, from, to, query.by),
    store.dossierStats.openAt(unitIds, dayBefore, query.by),
    store.dossierStats.openAt(unitIds, stockDay, query.by),
  ]);
  const keys = new Set([...groupFlows.map((r) => r.group), ...groupBefore.keys(), ...groupEnd.keys()]);
  const labels = await groupLabels(store, query.by, [...keys]);
  result.groups = [...keys]
    .map((key) => ({
      key,
      label: labels.get(key) ?? key,
      stats: computeStats({
        flows: byChannel(groupFlows.filter((r) => r.group === key)),
        openBefore: groupBefore.get(key) ?? EMPTY_OPEN,
        openAtEnd: groupEnd.get(key) ?? EMPTY_OPEN,
      }),
    }))
    .sort((a, b) => b.stats.received.total - a.stats.received.total || a.label.localeCompare(b.label, 'vi'));
  return result;
}

async function groupLabels(store: Store, by: StatsBreakdown, keys: string[]): Promise<Map<string, string>> {
  if (by === 'field') return new Map(keys.map((k) => [k, k]));
  if (by === 'procedure') {
    const all = await store.procedures.all();
    return new Map(all.map((p) => [String(p.id), `${p.code} – ${p.name}`]));
  }
  const labels = new Map<string, string>();
  for (const key of keys) {
    const unit = await store.units.findById(Number(key));
    if (unit) labels.set(key, unit.name);
  }
  return labels;
}

