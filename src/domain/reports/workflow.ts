/**
 * The life of a report, declared once: draft → submitted → approved, or submitted → returned
 * (with a reason) → submitted again. An approved report is reopened only as a correction, with a
 * reason. Every transition is recorded as an event; nothing here touches storage.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ duyệt',
  approved: 'Đã duyệt',
  returned: 'Bị trả lại',
};

export const TRANSITION_ACTIONS = ['submit', 'resubmit', 'return', 'approve', 'reopen'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
export type ReportAction = TransitionAction | 'edit';

export const REPORT_ACTION_LABELS: Record<ReportAction, string> = {
  edit: 'Sửa số liệu',
  submit: 'Gửi báo cáo',
  resubmit: 'Gửi lại',
  return: 'Trả lại',
  approve: 'Duyệt',
  reopen: 'Mở lại để đính chính',
};

/** Who acts: the reporting unit's own staff (author) or a reviewer above it. */
export type Actor = 'author' | 'reviewer';

export interface Transition {
  action: TransitionAction;
  from: ReportStatus;
  to: ReportStatus;
  by: readonly Actor[];
  commentRequired: boolean;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', by: ['author'], commentRequired: false },
  { action: 'resubmit', from: 'returned', to: 'submitted', by: ['author'], commentRequired: false },
  { action: 'return', from: 'submitted', to: 'returned', by: ['reviewer'], commentRequired: true },
  { action: 'approve', from: 'submitted', to: 'approved', by: ['reviewer'], commentRequired: false },
  { action: 'reopen', from: 'approved', to: 'draft', by: ['author', 'reviewer'], commentRequired: true },
];

/** Values and narrative change only while the unit is still writing. */
export const EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];

export interface Capacity {
  /** May write the report's unit: its own officer, or an administrator above it. */
  author: boolean;
  /** May review it: a reviewer or administrator whose unit lies above the report's unit. */
  reviewer: boolean;
}

export function allowedActions(status: ReportStatus, capacity: Capacity): ReportAction[] {
  const actions: ReportAction[] = [];
  if (capacity.author && EDITABLE_STATUSES.includes(status)) actions.push('edit');
  for (const t of TRANSITIONS) {
    if (t.from === status && t.by.some((actor) => capacity[actor])) actions.push(t.action);
  }
  return actions;
}

export class WorkflowError extends Error {
  constructor(
    readonly kind: 'state' | 'permission' | 'comment',
    message: string,
  ) {
    super(message);
  }
}

/** The transition to apply, or a Vietnamese reason why it cannot happen. */
export function planTransition(status: ReportStatus, action: TransitionAction, capacity: Capacity, comment: string | null | undefined): Transition {
  const transition = TRANSITIONS.find((t) => t.action === action);
  if (!transition) throw new WorkflowError('state', `Không có thao tác "${action}".`);
  // Who may act comes first: an officer asking to approve learns that approving is not theirs.
  if (!transition.by.some((actor) => capacity[actor])) {
    throw new WorkflowError(
      'permission',
      transition.by.includes('reviewer') && !transition.by.includes('author')
        ? `Chỉ cán bộ thẩm định của cấp trên mới được ${REPORT_ACTION_LABELS[action].toLowerCase()} báo cáo.`
        : `Bạn không có quyền ${REPORT_ACTION_LABELS[action].toLowerCase()} báo cáo này.`,
    );
  }
  if (transition.from !== status) {
    throw new WorkflowError(
      'state',
      `Không thể ${REPORT_ACTION_LABELS[action].toLowerCase()} báo cáo đang ở trạng thái "${REPORT_STATUS_LABELS[status]}".`,
    );
  }
  if (transition.commentRequired && !comment?.trim()) {
    throw new WorkflowError('comment', action === 'return' ? 'Trả lại báo cáo cần ghi lý do.' : 'Mở lại báo cáo đã duyệt cần ghi lý do đính chính.');
  }
  return transition;
}
