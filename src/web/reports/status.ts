const STATUS_LABELS: Record<string, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
  returned: 'Bị trả lại',
};

export const reportStatusLabel = (status: string): string => STATUS_LABELS[status] ?? status;

/** Only a draft (or a report sent back for correction) takes changes. */
export const isEditable = (status: string): boolean => status === 'draft' || status === 'returned';
