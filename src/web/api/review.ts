import type { ObligationPeriodKind } from '../../domain/reports/obligations';
import type { Contribution, RolledValue } from '../../domain/reports/rollup';
import type { CellState, CompletenessCell, CompletenessTotals, InboxItem, Timeliness } from '../../domain/reports/timeliness';
import type { ReportStatus } from '../../domain/reports/workflow';
import { api, buildUrl } from './client';
import type { Unit } from './types';

/*
 * Submission, review and roll-up (src/http/reports/workflow.routes.ts): the inbox, the
 * completeness matrix with bulk approval and reminders, the obligations, the roll-up with its
 * drill-down and the check against the dossiers.
 */

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export type { CellState, CompletenessCell, Contribution, InboxItem, ObligationPeriodKind, RolledValue, Timeliness };

/** `quiet`: a 401 only fails this call (a summary on the side), it does not end the session in the app. */
export const getInbox = async (signal?: AbortSignal, quiet = false): Promise<InboxItem[]> =>
  (await api.get<{ items: InboxItem[] }>('/api/inbox', { ...withSignal(signal), expectUnauthorized: quiet })).items;

export interface CompletenessQuery {
  unitId: number;
  templateId: string;
  periodIds: string[];
}

export type Totals = CompletenessTotals;

export interface CompletenessMatrix {
  template: { id: string; title: string };
  /** The obligation in force: set by a unit (itself or above), or the template's default when null. */
  obligation: { setBy: Unit | null; deadlineDays: number; periodKinds: ObligationPeriodKind[] };
  periods: Array<{ periodId: string; label: string; from: string; to: string; deadline: string }>;
  units: Unit[];
  cells: CompletenessCell[];
  totals: Totals;
  byPeriod: Array<Totals & { periodId: string; label: string }>;
}

const completenessParams = (q: CompletenessQuery) => ({ unitId: q.unitId, templateId: q.templateId, periodIds: q.periodIds.join(',') });

export const getCompleteness = (query: CompletenessQuery, signal?: AbortSignal) =>
  api.get<CompletenessMatrix>('/api/completeness', { query: completenessParams(query), ...withSignal(signal) });

/** The reminder list as XLSX: late units and those due within `withinDays` days (a plain link: the session cookie suffices). */
export const remindersXlsxUrl = (query: CompletenessQuery, withinDays: number) =>
  buildUrl('/api/completeness/reminders.xlsx', { ...completenessParams(query), withinDays });

export interface ApproveOutcome {
  reportId: number;
  ok: boolean;
  message: string;
  /** Held back: it needs a look of its own. */
  needsReview?: boolean;
}

export interface ApprovePreviewItem {
  reportId: number;
  unitName: string;
  periodId: string;
  /** Why to look at it on its own ([] when nothing). */
  reasons: string[];
}

/** Before a bulk approval: each chosen report with the reasons to look at it first. */
export const previewApproveMany = async (reportIds: number[]): Promise<ApprovePreviewItem[]> =>
  (await api.post<{ reports: ApprovePreviewItem[] }>('/api/reports/approve-many/preview', { reportIds })).reports;

/** Approves the reports; `confirmedCount` is the count the reviewer confirmed, `confirmedFlagged` the reports needing a look they confirmed one by one. */
export const approveMany = async (reportIds: number[], options: { comment?: string | null; confirmedCount: number; confirmedFlagged: number[] }): Promise<ApproveOutcome[]> =>
  (await api.post<{ outcomes: ApproveOutcome[] }>('/api/reports/approve-many', { reportIds, comment: options.comment || null, confirmedCount: options.confirmedCount, confirmedFlagged: options.confirmedFlagged })).outcomes;

export interface Obligation {
  id: number;
  unit: Unit;
  templateId: string;
  templateTitle: string;
  periodKinds: ObligationPeriodKind[];
  deadlineDays: number;
}

export const listObligations = async (signal?: AbortSignal): Promise<Obligation[]> =>
  (await api.get<{ obligations: Obligation[] }>('/api/obligations', withSignal(signal))).obligations;

export const setObligation = (body: { unitId: number; templateId: string; periodKinds: ObligationPeriodKind[]; deadlineDays: number }) =>
  api.put<Obligation>('/api/obligations', body);

export type RollupBasis = 'approved' | 'submitted';

export interface RollupQuery {
  unitId: number;
  templateId: string;
  periodId: string;
  basis: RollupBasis;
}

export interface RollupUnit {
  unit: Unit;
  reportId: number | null;
  status: ReportStatus | null;
  included: boolean;
  /** last_approved: reopened for a correction, counted with the values it was approved with. */
  source: 'current' | 'last_approved' | null;
}

export interface Rollup {
  unit: Unit;
  templateId: string;
  templateTitle: string;
  periodId: string;
  periodLabel: string;
  window: { from: string; to: string };
  basis: RollupBasis;
  units: RollupUnit[];
  values: RolledValue[];
}

export interface Discrepancies {
  /** Rows whose reported figure differs from the one computed from the unit's dossiers. */
  discrepancies: Array<{ unitId: number; rowId: string; reported: number | string | null; computed: number | null }>;
  /** Every row computed from dossiers: the rolled-up figure beside the one computed from all dossiers. */
  computedTotal: Array<{ rowId: string; rolledUp: number | string | null; computed: number | null }>;
}

const rollupParams = (q: RollupQuery) => ({ unitId: q.unitId, templateId: q.templateId, periodId: q.periodId, basis: q.basis });

export const getRollup = (query: RollupQuery, signal?: AbortSignal) => api.get<Rollup>('/api/rollup', { query: rollupParams(query), ...withSignal(signal) });

export const getDiscrepancies = (query: RollupQuery, signal?: AbortSignal) =>
  api.get<Discrepancies>('/api/rollup/discrepancies', { query: rollupParams(query), ...withSignal(signal) });

/** The roll-up as XLSX: the rolled-up column, then one column per unit. */
export const rollupXlsxUrl = (query: RollupQuery) => buildUrl('/api/rollup/export.xlsx', rollupParams(query));
