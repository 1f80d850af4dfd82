import type { AuditEventDto } from '../../http/audit/audit-log.schemas';
import { api } from './client';

export type AuditEvent = AuditEventDto;

export interface AuditFilters {
  unitId?: number;
  username?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

export interface AuditPage {
  events: AuditEvent[];
  nextBeforeId: number | null;
}

export const readAuditLog = (filters: AuditFilters, beforeId: number | null, signal?: AbortSignal) =>
  api.get<AuditPage>('/api/audit-log', {
    query: { ...filters, ...(beforeId ? { beforeId } : {}), limit: 100 },
    ...(signal ? { signal } : {}),
  });
