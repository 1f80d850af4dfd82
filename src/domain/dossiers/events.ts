import { formatDateTime, type LocalDateTime } from '../calendar/date-time';
import type { DossierState } from './dossier';

export const EVENT_KINDS = [
  'received',
  'supplement_requested',
  'supplement_provided',
  'paused',
  'resumed',
  'resolved',
  'delivered',
  'returned',
  'withdrawn',
] as const;
export type DossierEventKind = (typeof EVENT_KINDS)[number];

export const EVENT_LABELS: Record<DossierEventKind, string> = {
  received: 'Tiếp nhận hồ sơ',
  supplement_requested: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplement_provided: 'Công dân đã bổ sung hồ sơ',
  paused: 'Tạm dừng giải quyết',
  resumed: 'Tiếp tục giải quyết',
  resolved: 'Có kết quả giải quyết',
  delivered: 'Trả kết quả cho công dân',
  returned: 'Trả lại hồ sơ (không đủ điều kiện)',
  withdrawn: 'Công dân rút hồ sơ',
};

export interface DerivedEvent {
  at: string;
  kind: DossierEventKind;
  note: string | null;
}

/**
 * The events an export implies. Dates it carries become dated events; a pending state it only
 * names (waiting for a supplement, paused) is dated at the export, since the file does not say when.
 */
export function eventsFromExport(
  row: { state: DossierState; receivedAt: LocalDateTime; resultAt: LocalDateTime | null; deliveredAt: LocalDateTime | null },
  exportedAt: string,
): DerivedEvent[] {
  const events: DerivedEvent[] = [{ at: formatDateTime(row.receivedAt), kind: 'received', note: null }];
  const finishedAt = row.resultAt ?? row.deliveredAt;
  switch (row.state) {
    case 'awaiting_supplement':
      events.push({ at: exportedAt, kind: 'supplement_requested', note: 'Theo trạng thái khi xuất dữ liệu' });
      break;
    case 'paused':
      events.push({ at: exportedAt, kind: 'paused', note: 'Theo trạng thái khi xuất dữ liệu' });
      break;
    case 'resolved':
    case 'delivered':
      if (row.resultAt) events.push({ at: formatDateTime(row.resultAt), kind: 'resolved', note: null });
      if (row.state === 'delivered' && row.deliveredAt) events.push({ at: formatDateTime(row.deliveredAt), kind: 'delivered', note: null });
      break;
    case 'returned':
    case 'withdrawn':
      if (finishedAt) events.push({ at: formatDateTime(finishedAt), kind: row.state, note: null });
      break;
    case 'processing':
      break;
  }
  return events;
}
