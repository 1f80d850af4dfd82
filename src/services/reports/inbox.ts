import { todayInVietnam } from '../../domain/calendar/date-time';
import { duePeriod, recentDuePeriods } from '../../domain/reports/obligations';
import { compareInboxItems } from '../../domain/reports/inbox-order';
import { timelinessOf, type InboxItem } from '../../domain/reports/timeliness';
import { parseCutoffRule, parsePeriodId, periodLabel } from '../../domain/period';
import type { Store } from '../../store/store';
import type { ReportRecord } from '../../store/repositories/reports.repository';
import type { SessionUser } from '../auth/session-user';
import { unitCalendar } from '../calendar/unit-calendar';
import { shippedTemplates } from '../templates/check-report';
import { dayInVietnam, obligationFor } from './reporting-scope';
import { staleLinesOf } from './stale-data';

/**
 * What waits for someone. An officer: the reports due from their unit (not yet submitted, or
 * returned to fix). A reviewer: the reports submitted from below. Nearest deadline first.
 */
export async function inbox(store: Store, user: SessionUser, options: { today?: string } = {}): Promise<InboxItem[]> {
  const today = options.today ?? todayInVietnam();
  const items: InboxItem[] = [];
  const unitRef = (u: { id: number; code: string; name: string }) => ({ id: u.id, code: u.code, name: u.name });
  if (user.role !== 'reviewer') {
    const unit = user.unit;
    const calendar = await unitCalendar(store, unit);
    const own = await store.reports.listForUnits([unit.id]);
    for (const template of shippedTemplates().values()) {
      if (!template.levels.includes(unit.level)) continue;
      const obligation = await obligationFor(store, unit, template);
      // Without an obligation a template is due only once the unit reports on it (templates are
      // per province; the reviewer's matrix uses the same defaults).
      if (!obligation.setBy && !own.some((r) => r.templateId === template.id)) continue;
      const rule = parseCutoffRule(template.cutoff);
      for (const due of recentDuePeriods(obligation.periodKinds, rule, obligation.deadlineDays, today, { calendar })) {
        const report = own.find((r) => r.templateId === template.id && r.periodId === due.period.id);
        if (report && (report.status === 'submitted' || report.status === 'approved')) continue;
        const returned = report?.status === 'returned';
        const lastReturn = returned ? (await store.reports.events(report.id)).filter((e) => e.action === 'return').at(-1) : undefined;
        items.push({
          kind: returned ? 'returned' : 'due',
          unit: unitRef(unit),
          templateId: template.id,
          templateTitle: template.title,
          periodId: due.period.id,
          periodLabel: periodLabel(due.period),
          deadline: due.deadline,
          timeliness: timelinessOf({ status: report?.status ?? null, firstSubmittedOn: dayInVietnam(report?.firstSubmittedAt ?? null), deadline: due.deadline, today }),
          reportId: report?.id ?? null,
          status: report?.status ?? null,
          comment: lastReturn?.comment ?? null,
          submittedAt: report?.submittedAt ?? null,
        });
      }
    }
    // A report returned for a fix waits for its unit whatever the obligation says.
    for (const report of own.filter((r) => r.status === 'returned' && !items.some((i) => i.reportId === r.id))) {
      const lastReturn = (await store.reports.events(report.id)).filter((e) => e.action === 'return').at(-1);
      items.push(itemOfReport('returned', unit, report, lastReturn?.comment ?? null));
    }
  }
  if (user.role !== 'officer') {
    const ids = [...(await store.units.subtreeIds(user.unit.id))].filter((id) => id !== user.unit.id);
    const waiting = (await store.reports.listForUnits(ids)).filter((r) => r.status === 'submitted');
    const units = new Map((await Promise.all([...new Set(waiting.map((r) => r.unitId))].map((id) => store.units.findById(id)))).map((u) => [u!.id, u!]));
    for (const report of waiting.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))) {
      const unit = units.get(report.unitId)!;
      const item = itemOfReport('review', unit, report, null);
      const template = shippedTemplates().get(report.templateId);
      if (template) {
        const obligation = await obligationFor(store, unit, template);
        const deadline = duePeriod(parsePeriodId(report.periodId), parseCutoffRule(template.cutoff), obligation.deadlineDays, await unitCalendar(store, unit)).deadline;
        item.deadline = deadline;
        item.timeliness = timelinessOf({ status: report.status, firstSubmittedOn: dayInVietnam(report.firstSubmittedAt), deadline, today });
      }
      items.push(item);
    }
  }
  await addStaleData(store, user, items, today);
  return items.sort(compareInboxItems);
}

/** How far back an approved report is watched for changed dossier figures. */
const STALE_WATCH_DAYS = 400;

/**
 * Stale data (#11 item 5): each line with a report says which of its dossier figures changed since
 * it was computed; an approved report whose figures changed gets a line of its own ("stale"), for
 * its unit and for the reviewers above it, to be reopened for correction.
 */
async function addStaleData(store: Store, user: SessionUser, items: InboxItem[], today: string): Promise<void> {
  const withReport = items.filter((i) => i.reportId !== null);
  const reports = new Map((await Promise.all(withReport.map((i) => store.reports.findById(i.reportId!)))).filter((r): r is ReportRecord => !!r).map((r) => [r.id, r]));
  const unitIds = user.role === 'officer' ? [user.unit.id] : [...(await store.units.subtreeIds(user.unit.id))].filter((id) => user.role !== 'reviewer' || id !== user.unit.id);
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - STALE_WATCH_DAYS * 86_400_000).toISOString().slice(0, 10);
  const approved = (await store.reports.listForUnits(unitIds)).filter((r) => r.status === 'approved' && r.windowTo >= since);
  const stale = await staleLinesOf(store, [...reports.values(), ...approved]);
  for (const item of withReport) {
    const lines = stale.get(item.reportId!);
    if (lines) item.staleFigures = lines;
  }
  const units = new Map<number, { id: number; code: string; name: string }>();
  for (const report of approved) {
    const lines = stale.get(report.id);
    if (!lines) continue;
    const unit = units.get(report.unitId) ?? (await store.units.findById(report.unitId));
    if (!unit) continue;
    units.set(unit.id, unit);
    items.push({ ...itemOfReport('stale', unit, report, null), staleFigures: lines });
  }
}

/** An inbox line for a report that exists, without a deadline of its own. */
function itemOfReport(kind: InboxItem['kind'], unit: { id: number; code: string; name: string }, report: ReportRecord, comment: string | null): InboxItem {
  return {
    kind,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    templateId: report.templateId,
    templateTitle: shippedTemplates().get(report.templateId)?.title ?? report.templateId,
    periodId: report.periodId,
    periodLabel: periodLabelOf(report.periodId),
    deadline: null,
    timeliness: null,
    reportId: report.id,
    status: report.status,
    comment,
    submittedAt: report.submittedAt,
  };
}

function periodLabelOf(id: string): string {
  try {
    return periodLabel(parsePeriodId(id));
  } catch {
    return id;
  }
}


