import type { Channel, DossierState, Rating } from '../../domain/dossiers/dossier';
import type { DossierEventKind } from '../../domain/dossiers/events';
import { api } from './client';
import type { Unit } from './types';

export interface Procedure {
  id: number;
  code: string;
  name: string;
  field: string;
  level: string;
  onlineMode: string;
  onlineModeLabel: string;
  statutoryDays: number;
  hasFee: boolean;
  interconnected: boolean;
}

/** One row of the register. Instants are ISO strings; days are YYYY-MM-DD in Vietnam time. */
export interface DossierListItem {
  id: number;
  source: string;
  code: string;
  unitId: number;
  unitName: string;
  procedureId: number;
  procedureCode: string;
  procedureName: string;
  field: string;
  channel: Channel;
  channelLabel: string;
  state: DossierState;
  stateLabel: string;
  receivedAt: string;
  dueAt: string | null;
  dueDay: string | null;
  resultAt: string | null;
  finishDay: string | null;
}

export interface DossierPage {
  total: number;
  page: number;
  pageSize: number;
  /** The fields (lĩnh vực) of the unit's dossiers, for the filter. */
  fields: string[];
  items: DossierListItem[];
}

export interface DossierFilter {
  unitId: number;
  field?: string;
  procedureId?: number;
  channel?: Channel;
  state?: DossierState;
  overdueOn?: string;
  receivedFrom?: string;
  receivedTo?: string;
  code?: string;
  page?: number;
  pageSize?: number;
}

export interface Dossier {
  id: number;
  source: string;
  code: string;
  unitId: number;
  procedureId: number;
  channel: Channel;
  channelLabel: string;
  state: DossierState;
  stateLabel: string;
  receivedAt: string;
  dueAt: string | null;
  dueDay: string | null;
  resultAt: string | null;
  deliveredAt: string | null;
  finishDay: string | null;
  digitizedInput: boolean;
  digitizedOutput: boolean;
  hasFee: boolean;
  paidOnline: boolean;
  rating: Rating | null;
}

export interface DossierEvent {
  id: number;
  at: string;
  kind: DossierEventKind;
  label: string;
  actor: string;
  note: string | null;
}

export interface DossierDetail {
  dossier: Dossier;
  unit: Unit;
  procedure: { id: number; code: string; name: string; field: string; statutoryDays: number };
  events: DossierEvent[];
  nextSteps: Array<{ kind: DossierEventKind; label: string }>;
}

export interface NewDossier {
  unitId: number;
  procedureId: number;
  channel: Channel;
  /** dd/mm/yyyy HH:mm, Vietnam time; the server uses "now" when absent. */
  receivedAt?: string;
  digitizedInput?: boolean;
  hasFee?: boolean;
  paidOnline?: boolean;
  note?: string;
}

export interface DossierStep {
  kind: DossierEventKind;
  at?: string;
  note?: string;
  digitizedOutput?: boolean;
  rating?: Rating | null;
}

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const listProcedures = async (signal?: AbortSignal): Promise<Procedure[]> =>
  (await api.get<{ procedures: Procedure[] }>('/api/procedures', withSignal(signal))).procedures;

export const listDossiers = (filter: DossierFilter, signal?: AbortSignal) =>
  api.get<DossierPage>('/api/dossiers', { query: { ...filter }, ...withSignal(signal) });

export const getDossier = (id: number, signal?: AbortSignal) => api.get<DossierDetail>(`/api/dossiers/${id}`, withSignal(signal));

export const receiveDossier = (input: NewDossier) => api.post<Dossier>('/api/dossiers', input);

export const recordDossierStep = (id: number, step: DossierStep) => api.post<Dossier>(`/api/dossiers/${id}/events`, step);
