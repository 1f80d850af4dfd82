import type { DocumentMeta } from '../../domain/narrative/document-meta';
import type { Narrative } from '../../domain/narrative/narrative';
import type { Provenance } from '../../domain/reports/report-values';
import type { ReportAction, ReportStatus, TransitionAction } from '../../domain/reports/workflow';
import type { Template } from '../../domain/templates/template';
import type { Finding } from '../../domain/templates/validate';
import type { ReviewAttention } from '../../domain/reports/review-attention';
import type { SubmissionChecklist } from '../../domain/reports/submission-checklist';
import type { TextChangeSinceReturn, ValueChangeSinceReturn } from '../../domain/reports/changes-since-return';
import { api } from './client';
import type { Unit } from './types';

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** One template of the list (GET /api/templates): no rules or rows. */
export interface TemplateSummary {
  id: string;
  version: string;
  title: string;
  issuer: string;
  cutoff: string;
  periods: string[];
  levels: Template['levels'];
  /** Codes of the provinces that use it; null: every province. */
  provinces: string[] | null;
  /** Number of rows. */
  rows: number;
}

/** A template as the server sends it: the domain Template without its id index. */
export type TemplateJson = Omit<Template, 'byId'>;

export interface ReportValueDto {
  rowId: string;
  value: number | string | null;
  provenance: Provenance;
  computed: number | null;
  reason: string | null;
}

export interface Justification {
  rule: string;
  rowId: string;
  text: string;
}

export interface Report {
  id: number;
  unit: Unit;
  templateId: string;
  templateVersion: string;
  templateTitle: string;
  periodId: string;
  /** ISO dates of the data window under the template's cut-off rule. */
  windowFrom: string;
  windowTo: string;
  status: ReportStatus;
  statusLabel: string;
  /** The version to send back with edits (optimistic locking). */
  revision: number;
  /** Times the report was reopened after approval for a correction. */
  correction: number;
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  approvedAt: string | null;
  /** What the signed-in user may do now. */
  actions: Array<{ action: ReportAction; label: string }>;
  events: ReportEventDto[];
  values: ReportValueDto[];
  findings: Finding[];
  justifications: Justification[];
  /** What the reviewer must see: early submission, corrected figures, justified warnings, required rows marked "không phát sinh". */
  attention: ReviewAttention;
}

export type { ReviewAttention, SubmissionChecklist };

export interface ReportEventDto {
  id: number;
  at: string;
  userName: string | null;
  action: TransitionAction;
  actionLabel: string;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  comment: string | null;
  correction: number;
  /** Sent before the data window ended: the reason given. */
  earlyReason: string | null;
}

export interface HistoryEntry {
  revision: number;
  at: string;
  userName: string | null;
  action: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface ReportListItem {
  id: number;
  unitId: number;
  unitName: string;
  templateId: string;
  periodId: string;
  status: string;
  revision: number;
  windowFrom: string;
  windowTo: string;
}

export interface ValueChangeDto {
  rowId: string;
  value: number | string | null;
  reason?: string | null;
}

/** The templates a unit's pickers offer: its province's forms for its level or a level below it. */
export const listTemplates = async (unitId: number, signal?: AbortSignal): Promise<TemplateSummary[]> =>
  (await api.get<{ templates: TemplateSummary[] }>('/api/templates', { query: { unitId }, ...withSignal(signal) })).templates;

export const getTemplate = (id: string, signal?: AbortSignal) => api.get<TemplateJson>(`/api/templates/${encodeURIComponent(id)}`, withSignal(signal));

export interface ReportQuery {
  /** An officer's own unit; for a reviewer or admin, the unit whose whole subtree is listed. */
  unitId: number;
  templateId?: string | undefined;
  periodId?: string | undefined;
  status?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface ReportPage {
  reports: ReportListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** The reports under a unit, filtered, one page at a time (all of them without pageSize). */
export const listReports = (query: ReportQuery, signal?: AbortSignal): Promise<ReportPage> =>
  api.get<ReportPage>('/api/reports', { query: { ...query }, ...withSignal(signal) });

/** Creates the unit's draft for the period, or recomputes it from the dossiers (entered values are kept). */
export const computeReport = (input: { unitId: number; templateId: string; periodId: string }) => api.post<Report>('/api/reports', input);

export const getReport = (id: number, signal?: AbortSignal) => api.get<Report>(`/api/reports/${id}`, withSignal(signal));

export const saveReportValues = (id: number, body: { changes: ValueChangeDto[]; justifications?: Justification[]; expectedRevision?: number }) =>
  api.patch<Report>(`/api/reports/${id}/values`, body);

/** Submit, resubmit, return (reason required), approve, or reopen (reason required). */
export const transitionReport = (id: number, body: { action: TransitionAction; comment?: string | null; expectedRevision?: number; earlyReason?: string | null }) =>
  api.post<Report>(`/api/reports/${id}/transitions`, body);

/** What still stops a submission of the stored report (the same list the server refuses with). */
export const getSubmissionCheck = (id: number, signal?: AbortSignal) => api.get<SubmissionChecklist>(`/api/reports/${id}/submission-check`, withSignal(signal));

export interface ChangesSinceReturn {
  returnedAt: string;
  comment: string | null;
  comparedWith: 'submitted' | 'current';
  values: ValueChangeSinceReturn[];
  /** null: the returned version's text was not kept. */
  text: TextChangeSinceReturn[] | null;
}

/** What changed since the version the reviewer returned; null when it never was. */
export const getChangesSinceReturn = async (id: number, signal?: AbortSignal): Promise<ChangesSinceReturn | null> =>
  (await api.get<{ changes: ChangesSinceReturn | null }>(`/api/reports/${id}/changes-since-return`, withSignal(signal))).changes;

export interface ImportedReportDto {
  report: Report;
  created: boolean;
  changed: string[];
  overridden: string[];
  justified: number;
  documentSaved: boolean;
}

/** Loads an interchange file (docs/interchange.md) into the unit's draft or returned report. */
export const importReportFile = (file: unknown) => api.post<ImportedReportDto>('/api/reports/import', file);

/** Every saved change of the report's values, newest first. */
export const getReportHistory = async (id: number, signal?: AbortSignal): Promise<HistoryEntry[]> =>
  (await api.get<{ entries: HistoryEntry[] }>(`/api/reports/${id}/history`, withSignal(signal))).entries;

/** The report's document (GET/PUT /api/reports/:id/document): metadata and narrative. */
export interface ReportDocumentDto {
  reportId: number;
  meta: DocumentMeta;
  narrative: Narrative;
  /** false: nothing saved yet, these are the defaults. */
  saved: boolean;
  updatedAt: string | null;
  /** 0: never saved; sent back as expectedRevision so a concurrent save is refused (409). */
  revision: number;
}

export const getReportDocument = (id: number, signal?: AbortSignal) => api.get<ReportDocumentDto>(`/api/reports/${id}/document`, withSignal(signal));

export const saveReportDocument = (id: number, body: { meta?: DocumentMeta; narrative?: Narrative; expectedRevision?: number }) =>
  api.put<ReportDocumentDto>(`/api/reports/${id}/document`, body);

/** The download address of the report as DOCX, XLSX or PDF (a plain link: the session cookie suffices). */
export const reportExportUrl = (id: number, format: 'docx' | 'xlsx' | 'pdf') => `/api/reports/${id}/export?format=${format}`;

/** Dossier figures that changed since the report was computed (#11 item 5). */
export interface StaleData {
  figures: Array<{ rowId: string; before: number | string | null; after: number | string | null }>;
  /** "3.2.4. Tổng số hồ sơ TTHC đã tiếp nhận: 15 → 18". */
  lines: string[];
}

export const getStaleData = (id: number, signal?: AbortSignal): Promise<StaleData> => api.get<StaleData>(`/api/reports/${id}/stale-data`, withSignal(signal));
