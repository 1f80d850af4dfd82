import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Channel, DossierState } from '../../domain/dossiers/dossier';
import { CHANNELS, DOSSIER_STATES } from '../../domain/dossiers/dossier';

/** The register's filters, kept in the address so that "back" from a dossier finds them again. */
export interface RegisterFilters {
  unitId: number | null;
  field: string;
  procedureId: number | null;
  channel: Channel | '';
  state: DossierState | '';
  overdueOnly: boolean;
  /** ISO dates. */
  receivedFrom: string;
  receivedTo: string;
  code: string;
  page: number;
}

const PARAMS: Record<keyof RegisterFilters, string> = {
  unitId: 'donVi',
  field: 'linhVuc',
  procedureId: 'thuTuc',
  channel: 'kenh',
  state: 'trangThai',
  overdueOnly: 'quaHan',
  receivedFrom: 'tu',
  receivedTo: 'den',
  code: 'ma',
  page: 'trang',
};

const positive = (text: string | null): number | null => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : null;
};
const isoDate = (text: string | null): string => (text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : '');

export function useRegisterFilters(): [RegisterFilters, (patch: Partial<RegisterFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<RegisterFilters>(() => {
    const channel = params.get(PARAMS.channel) ?? '';
    const state = params.get(PARAMS.state) ?? '';
    return {
      unitId: positive(params.get(PARAMS.unitId)),
      field: params.get(PARAMS.field) ?? '',
      procedureId: positive(params.get(PARAMS.procedureId)),
      channel: (CHANNELS as readonly string[]).includes(channel) ? (channel as Channel) : '',
      state: (DOSSIER_STATES as readonly string[]).includes(state) ? (state as DossierState) : '',
      overdueOnly: params.get(PARAMS.overdueOnly) === '1',
      receivedFrom: isoDate(params.get(PARAMS.receivedFrom)),
      receivedTo: isoDate(params.get(PARAMS.receivedTo)),
      code: params.get(PARAMS.code) ?? '',
      page: positive(params.get(PARAMS.page)) ?? 1,
    };
  }, [params]);

  /** Any change but a page change goes back to page 1. */
  const update = useCallback(
    (patch: Partial<RegisterFilters>) => {
      const next: RegisterFilters = { ...filters, ...patch, page: patch.page ?? 1 };
      const out = new URLSearchParams();
      for (const [key, name] of Object.entries(PARAMS) as Array<[keyof RegisterFilters, string]>) {
        const value = next[key];
        if (value === '' || value === null || value === false || (key === 'page' && value === 1)) continue;
        out.set(name, value === true ? '1' : String(value));
      }
      setParams(out, { replace: patch.page === undefined });
    },
    [filters, setParams],
  );
  return [filters, update];
}
