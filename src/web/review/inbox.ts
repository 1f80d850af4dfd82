import { compareInboxItems } from '../../domain/reports/inbox-order';
import type { InboxItem } from '../api/review';

export interface InboxGroups {
  /** Reports the unit owes, nearest deadline first (overdue ones come first by their date). */
  due: InboxItem[];
  /** Reports sent back with a reason. */
  returned: InboxItem[];
  /** Reports waiting for the reviewer, nearest deadline first. */
  review: InboxItem[];
}

export function groupInbox(items: readonly InboxItem[]): InboxGroups {
  const sorted = [...items].sort(compareInboxItems);
  return {
    due: sorted.filter((i) => i.kind === 'due'),
    returned: sorted.filter((i) => i.kind === 'returned'),
    review: sorted.filter((i) => i.kind === 'review'),
  };
}

/** What the home page says about the inbox. */
export function inboxSummary(items: readonly InboxItem[]): string {
  if (items.length === 0) return 'Không có việc nào cần làm.';
  const overdue = items.filter((i) => i.timeliness === 'overdue').length;
  const returned = items.filter((i) => i.kind === 'returned').length;
  const review = items.filter((i) => i.kind === 'review').length;
  const parts = [
    overdue > 0 ? `${overdue} báo cáo quá hạn` : '',
    returned > 0 ? `${returned} báo cáo bị trả lại` : '',
    review > 0 ? `${review} báo cáo chờ duyệt` : '',
  ].filter(Boolean);
  return `Bạn có ${items.length} việc cần làm${parts.length > 0 ? `: ${parts.join(', ')}` : ''}.`;
}
