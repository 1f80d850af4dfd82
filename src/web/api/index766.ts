import type { Index766AgainstDto, Index766Dto, Index766InputsDto, Index766ProfilesDto, Index766TrendDto } from '../../http/index766/index766.schemas';
import { api, buildUrl } from './client';

// Shapes come from the server's zod schemas (type-only: nothing of the server is bundled).
export type Index766 = Index766Dto;
export type Index766Trend = Index766TrendDto;
export type Index766Against = Index766AgainstDto;
export type Index766Inputs = Index766InputsDto;
export type Index766Profiles = Index766ProfilesDto;
export type Index766Indicator = Index766['score']['groups'][number]['indicators'][number];

export interface Index766Query {
  unitId: number;
  periodId: string;
  profileId?: string | undefined;
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const clean = (q: Index766Query) => ({ unitId: q.unitId, periodId: q.periodId, ...(q.profileId ? { profileId: q.profileId } : {}) });

export const getIndex766 = (query: Index766Query, signal?: AbortSignal) => api.get<Index766>('/api/index766', { query: clean(query), ...withSignal(signal) });
export const getIndex766Trend = (query: Index766Query, signal?: AbortSignal) =>
  api.get<Index766Trend>('/api/index766/trend', { query: { ...clean(query), count: 12 }, ...withSignal(signal) });
export const getIndex766Against = (query: Index766Query & { indicatorId: string; limit?: number }, signal?: AbortSignal) =>
  api.get<Index766Against>('/api/index766/against', { query: { ...clean(query), indicatorId: query.indicatorId, limit: query.limit ?? 200 }, ...withSignal(signal) });
export const index766AgainstXlsxUrl = (query: Index766Query & { indicatorId: string }) =>
  buildUrl('/api/index766/against.xlsx', { ...clean(query), indicatorId: query.indicatorId });
export const getIndex766Profiles = (signal?: AbortSignal) => api.get<Index766Profiles>('/api/index766/profiles', { ...withSignal(signal) });
export const getIndex766Inputs = (query: { unitId: number; month: string; profileId?: string | undefined }, signal?: AbortSignal) =>
  api.get<Index766Inputs>('/api/index766/inputs', {
    query: { unitId: query.unitId, month: query.month, ...(query.profileId ? { profileId: query.profileId } : {}) },
    ...withSignal(signal),
  });
export const saveIndex766Inputs = (body: { unitId: number; month: string; values: Record<string, number | null> }) => api.put<Index766Inputs>('/api/index766/inputs', body);
