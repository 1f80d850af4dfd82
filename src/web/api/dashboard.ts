import type { DistributionDto, RankingDto, TableXlsxBody, TrendDto } from '../../http/dashboard/dashboard.schemas';
import { ApiError, api, buildUrl, currentCsrfToken, errorFromBody, networkError, reportUnauthorized } from './client';

// Shapes come from the server's zod schemas (type-only: nothing of the server is bundled).
export type Trend = TrendDto;
export type Ranking = RankingDto;
export type Distribution = DistributionDto;
export type TableXlsx = TableXlsxBody;
export type RateKey = Ranking['rate']['key'];
export type TrendKind = Trend['kind'];

export interface TrendQuery {
  unitId: number;
  kind: TrendKind;
  periodId: string;
}

export interface UnitsQuery {
  unitId: number;
  periodId: string;
  rate: RateKey;
  /** Ranking only: `asc` puts the lowest rate first (for a rate where lower is better). */
  order?: 'asc' | 'desc';
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const getTrend = (query: TrendQuery, signal?: AbortSignal) => api.get<Trend>('/api/dashboard/trend', { query: { ...query }, ...withSignal(signal) });
export const getRanking = (query: UnitsQuery, signal?: AbortSignal) => api.get<Ranking>('/api/dashboard/ranking', { query: { ...query }, ...withSignal(signal) });
export const getDistribution = ({ order: _order, ...query }: UnitsQuery, signal?: AbortSignal) =>
  api.get<Distribution>('/api/dashboard/distribution', { query: { ...query }, ...withSignal(signal) });

/** The address of a chart's data as XLSX (the server writes the workbook). */
export const trendXlsxUrl = (query: TrendQuery) => buildUrl('/api/dashboard/trend', { ...query, format: 'xlsx' });
export const rankingXlsxUrl = (query: UnitsQuery) => buildUrl('/api/dashboard/ranking', { ...query, format: 'xlsx' });
export const distributionXlsxUrl = ({ order: _order, ...query }: UnitsQuery) => buildUrl('/api/dashboard/distribution', { ...query, format: 'xlsx' });

/**
 * How reports were submitted (GET /api/completeness). Null while the server has no such endpoint
 * (404): the page then says there is no data yet rather than failing.
 */
export async function getCompleteness(query: { unitId: number; templateId: string; periodIds: string[] }, signal?: AbortSignal): Promise<CompletenessAnswer | null> {
  try {
    return await api.get<CompletenessAnswer>('/api/completeness', {
      query: { unitId: query.unitId, templateId: query.templateId, periodIds: query.periodIds.join(',') },
      ...withSignal(signal),
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** A table the page holds, written as XLSX by the server, returned as a file to save. */
export async function tableXlsx(body: TableXlsx): Promise<Blob> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = currentCsrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  let response: Response;
  try {
    response = await fetch('/api/dashboard/table.xlsx', { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized();
    throw errorFromBody(response.status, await response.text().catch(() => ''));
  }
  return response.blob();
}

/**
 * The answer of GET /api/completeness (how the units below a unit submitted a template's reports
 * over some periods). Percentages are 0–100, or null when nothing was expected.
 */
export interface CompletenessAnswer {
  template: { id: string; title: string };
  periods: Array<{ periodId: string; label: string; deadline: string | null }>;
  units: Array<{ id: number; code: string; name: string }>;
  cells: Array<{ unitId: number; periodId: string; state: string; timeliness: string | null; reportId: number | null; submittedAt: string | null }>;
  totals: {
    expected: number;
    received: number;
    onTime: number;
    late: number;
    missing: number;
    returned: number;
    receivedPct: number | null;
    onTimePct: number | null;
  };
  byPeriod: Array<{ periodId: string; label: string; expected: number; received: number; onTime: number; receivedPct: number | null; onTimePct: number | null }>;
}
