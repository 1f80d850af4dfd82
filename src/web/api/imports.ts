import { api, currentCsrfToken, errorFromBody, networkError, reportUnauthorized } from './client';

export interface ImportRowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ImportResult {
  runId: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** At most the first 1,000 problems; the rejected-rows file has them all. */
  errors: ImportRowError[];
}

/** An import running on the server (POST /api/dossier-imports, then polled). */
export interface ImportJob {
  id: string;
  file: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  rowsRead: number;
  error: string | null;
  result: ImportResult | null;
}

export interface ImportSource {
  source: string;
  /** The unit the mapping is read for (the user's own). */
  unitId: number;
  /** Where the mapping in force was saved: this unit, a unit above it, or null (the installation-wide default). */
  savedFor: number | null;
  /** Field → the header of this source's export, as saved by an admin. */
  columnMap: Record<string, string>;
  /** Field → our header first, then the synonyms the reader also accepts. */
  canonical: Record<string, string[]>;
}

/**
 * Uploads an export with XMLHttpRequest, the one browser API that reports upload progress;
 * `onProgress` gets the fraction sent (0–1). Resolves with the started job.
 */
export function startImport(source: string, file: File, onProgress: (fraction: number) => void): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('source', source);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/dossier-imports');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        try {
          resolve(JSON.parse(xhr.responseText) as ImportJob);
        } catch {
          reject(errorFromBody(xhr.status, ''));
        }
        return;
      }
      if (xhr.status === 401) reportUnauthorized();
      reject(errorFromBody(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(networkError());
    xhr.send(form);
  });
}

export const getImportJob = (id: string, signal?: AbortSignal) =>
  api.get<ImportJob>(`/api/dossier-imports/jobs/${encodeURIComponent(id)}`, signal ? { signal } : {});

export const rejectedRowsUrl = (runId: number) => `/api/dossier-imports/${runId}/rejected.xlsx`;

export const getImportSource = (source: string, signal?: AbortSignal) =>
  api.get<ImportSource>(`/api/import-sources/${encodeURIComponent(source)}`, signal ? { signal } : {});

export const saveColumnMap = (source: string, columnMap: Record<string, string>) =>
  api.put<{ source: string; unitId: number; savedFor: number | null; columnMap: Record<string, string> }>(`/api/import-sources/${encodeURIComponent(source)}`, { columnMap });
