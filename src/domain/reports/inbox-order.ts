import { parsePeriodId } from '../period';
import type { InboxItem } from './timeliness';

const KIND_ORDER = ['month', 'quarter', 'half', 'nine_months', 'year', 'custom'];

/** Shorter periods first when deadlines tie (Quý IV before 6 tháng cuối năm before Năm). */
function periodRank(id: string): number {
  try {
    const period = parsePeriodId(id);
    return KIND_ORDER.indexOf(period.kind);
  } catch {
    return KIND_ORDER.length;
  }
}

/**
 * The order of every inbox list: nearest deadline first (a passed one comes first by its date),
 * lines without a deadline last; then the shorter period, the earlier submission, the unit's name.
 */
export function compareInboxItems(a: InboxItem, b: InboxItem): number {
  return (
    (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') ||
    periodRank(a.periodId) - periodRank(b.periodId) ||
    (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') ||
    a.unit.name.localeCompare(b.unit.name, 'vi') ||
    a.templateTitle.localeCompare(b.templateTitle, 'vi')
  );
}
