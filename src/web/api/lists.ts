import { api, currentCsrfToken, errorFromBody } from './client';
import type { Unit } from './types';

/** The unit's procedure list and registers (GET/POST/PUT/DELETE /api/units/:unitId/procedures|registers/:register). */
export type ListKind = 'procedures' | 'staff' | 'equipment' | 'documents' | 'activities';

export interface ListColumn {
  key: string;
  header: string;
  /** For a choice: the options the server accepts (by label). */
  options?: string[];
}

export interface ListRow {
  id: number;
  cells: Record<string, string>;
}

export interface ListView {
  unit: Unit;
  title: string;
  columns: ListColumn[];
  rows: ListRow[];
}

const YES_NO = ['Có', 'Không'];
const PROCEDURE_OPTIONS: Record<string, string[]> = { mode: ['Toàn trình', 'Một phần', 'Cung cấp thông tin'], level: ['', 'Tỉnh', 'Huyện', 'Xã'] };
const PROCEDURE_TEXT = new Set(['code', 'name', 'field', 'level', 'mode', 'validFrom', 'validTo', 'decision']);

interface ProceduresDto {
  unit: Unit;
  columns: Array<{ key: string; header: string }>;
  procedures: Array<{ id: number; cells: Record<string, string> }>;
}
interface RegisterDto {
  unit: Unit;
  register: {
    title: string;
    fields: Array<{ key: string; header: string; type: string; options: Record<string, string> | null }>;
    columns: Array<{ key: string; header: string }>;
  };
  entries: Array<{ id: number; cells: Record<string, string> }>;
}

const base = (unitId: number, kind: ListKind) => (kind === 'procedures' ? `/api/units/${unitId}/procedures` : `/api/units/${unitId}/registers/${kind}`);

export async function loadList(unitId: number, kind: ListKind, signal?: AbortSignal): Promise<ListView> {
  if (kind === 'procedures') {
    const dto = await api.get<ProceduresDto>(base(unitId, kind), signal ? { signal } : {});
    return {
      unit: dto.unit,
      title: 'Danh mục TTHC của đơn vị',
      columns: dto.columns.map((c) => ({ ...c, ...(PROCEDURE_OPTIONS[c.key] ? { options: PROCEDURE_OPTIONS[c.key] } : PROCEDURE_TEXT.has(c.key) ? {} : { options: YES_NO }) })),
      rows: dto.procedures,
    };
  }
  const dto = await api.get<RegisterDto>(base(unitId, kind), signal ? { signal } : {});
  const fieldOf = new Map(dto.register.fields.map((f) => [f.key, f]));
  return {
    unit: dto.unit,
    title: `Sổ ${dto.register.title.toLowerCase()}`,
    columns: dto.register.columns.map((c) => {
      const field = fieldOf.get(c.key);
      if (field?.type === 'yes_no') return { ...c, options: YES_NO };
      if (field?.type === 'option') return { ...c, options: Object.values(field.options ?? {}) };
      return c;
    }),
    rows: dto.entries,
  };
}

export const saveListRow = (unitId: number, kind: ListKind, cells: Record<string, string>, id?: number) =>
  id === undefined ? api.post<unknown>(base(unitId, kind), { cells }) : api.put<unknown>(`${base(unitId, kind)}/${id}`, { cells });

export const deleteListRow = (unitId: number, kind: ListKind, id: number) => api.delete<null>(`${base(unitId, kind)}/${id}`);

/** Uploads a CSV/XLSX file; a refused file throws with every row and column in its message. */
export async function importListFile(unitId: number, kind: ListKind, file: File): Promise<{ rows: number }> {
  const form = new FormData();
  form.append('file', file);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = currentCsrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  const response = await fetch(`${base(unitId, kind)}/import`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const text = await response.text();
  if (!response.ok) throw errorFromBody(response.status, text);
  return JSON.parse(text) as { rows: number };
}
