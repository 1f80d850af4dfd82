import type { ReportStatus } from '../../domain/reports/workflow';
import type { Store } from '../../store/store';
import { assertUnitAccess } from '../access/assert-unit-access';
import type { SessionUser } from '../auth/session-user';

export const MAX_PAGE_SIZE = 200;

export interface ReportFilter {
  /** The unit whose reports are listed: an officer's own unit; for a reviewer or admin, that unit's whole subtree. */
  unitId: number;
  templateId?: string | undefined;
  periodId?: string | undefined;
  status?: ReportStatus | undefined;
  /** 1-based; with pageSize. */
  page?: number | undefined;
  /** Without it every matching report comes at once (at most MAX_PAGE_SIZE × 50). */
  pageSize?: number | undefined;
}

/** The reports a user may see under a unit, filtered and one page at a time. */
export async function browseReports(store: Store, user: SessionUser, filter: ReportFilter) {
  await assertUnitAccess(store, user, filter.unitId, 'read');
  const ids = user.role === 'officer' ? [filter.unitId] : [...(await store.units.subtreeIds(filter.unitId))];
  const pageSize = filter.pageSize ? Math.min(filter.pageSize, MAX_PAGE_SIZE) : MAX_PAGE_SIZE * 50;
  const page = Math.max(1, filter.page ?? 1);
  const result = await store.reports.browse(ids, filter, { offset: (page - 1) * pageSize, limit: pageSize });
  return { ...result, page, pageSize };
}
