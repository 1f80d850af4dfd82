import { compareInboxItems } from '../../domain/reports/inbox-order';
import type { InboxItem } from '../api/review';

export interface InboxGroups {
  /** Reports the unit owes, nearest deadline first (overdue ones come first by their date). */
  due: InboxItem[];
  /** Reports sent back with a reason. */
  returned: InboxItem[];
  /** Reports waiting for the reviewer, nearest deadline first. */
  review: InboxItem[];
  /** Approved reports whose dossier figures changed since. */
  stale: InboxItem[];
}

export function groupInbox(items: readonly InboxItem[]): InboxGroups {
  const sorted = [...items].sort(compareInboxItems);
  return {
    due: sorted.filter((i) => i.kind === 'due'),
    returned: sorted.filter((i) => i.kind === 'returned'),
    review: sorted.filter((i) => i.kind === 'review'),
    stale: sorted.filter((i) => i.kind === 'stale'),
  };
}

/** What the home page says about the inbox. */
export function inboxSummary(items: readonly InboxItem[]): string {
  if (items.length === 0) return 'Không có việc nào cần làm.';
  const overdue = items.filter((i) => i.timeliness === 'overdue').length;
  const returned = items.filter((i) => i.kind === 'returned').length;
  const review = items.filter((i) => i.kind === 'review').length;
  const stale = items.filter((i) => (i.staleFigures?.length ?? 0) > 0).length;
  const parts = [
    overdue > 0 ? `${overdue} báo cáo quá hạn` : '',
    returned > 0 ? `${returned} báo cáo bị trả lại` : '',
    review > 0 ? `${review} báo cáo chờ duyệt` : '',
    stale > 0 ? `${stale} báo cáo có số liệu hồ sơ đã thay đổi` : '',
  ].filter(Boolean);
  return `Bạn có ${items.length} việc cần làm${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
}
