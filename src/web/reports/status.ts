import { REPORT_STATUS_LABELS, EDITABLE_STATUSES, type ReportStatus } from '../../domain/reports/workflow';

export const reportStatusLabel = (status: string): string => REPORT_STATUS_LABELS[status as ReportStatus] ?? status;

/** Only a draft (or a report sent back for correction) takes changes. */
export const isEditable = (status: string): boolean => EDITABLE_STATUSES.includes(status as ReportStatus);
