import { useCallback, useEffect, useRef, useState } from 'react';
import { getImportJob, startImport, type ImportJob, type ImportResult } from '../api/imports';
import { countCsvRows } from './countCsvRows';

export type ImportPhase = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

export interface ImportProgressState {
  phase: ImportPhase;
  fileName: string | null;
  /** Fraction of the file sent, 0–1. */
  uploaded: number;
  /** Rows the server has read so far. */
  rowsRead: number;
  /** Rows of a CSV file, counted in the browser; null for XLSX (the server alone knows). */
  expectedRows: number | null;
  result: ImportResult | null;
  error: Error | null;
}

const IDLE: ImportProgressState = { phase: 'idle', fileName: null, uploaded: 0, rowsRead: 0, expectedRows: null, result: null, error: null };
const POLL_MS = 400;

/** Uploads an export, then follows the server's job until it is done or failed. */
export function useImportUpload(): [ImportProgressState, (source: string, file: File) => Promise<void>, () => void] {
  const [state, setState] = useState<ImportProgressState>(IDLE);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const update = (patch: Partial<ImportProgressState>) => {
    if (alive.current) setState((s) => ({ ...s, ...patch }));
  };

  const start = useCallback(async (source: string, file: File) => {
    setState({ ...IDLE, phase: 'uploading', fileName: file.name });
    if (file.name.toLowerCase().endsWith('.csv')) {
      countCsvRows(file).then((expectedRows) => update({ expectedRows }), () => undefined);
    }
    try {
      let job: ImportJob = await startImport(source, file, (uploaded) => update({ uploaded }));
      update({ phase: 'processing', uploaded: 1 });
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!alive.current) return;
        job = await getImportJob(job.id);
        update({ rowsRead: job.rowsRead });
      }
      // A cancelled job (through the API, or the server stopping) stored nothing: shown with its reason like a failure.
      if (job.state === 'failed' || job.state === 'cancelled') update({ phase: 'failed', error: new Error(job.error ?? 'Nhập dữ liệu không thành công.') });
      else update({ phase: 'done', rowsRead: job.rowsRead, result: job.result });
    } catch (failure) {
      update({ phase: 'failed', error: failure instanceof Error ? failure : new Error(String(failure)) });
    }
  }, []);

  const reset = useCallback(() => setState(IDLE), []);
  return [state, start, reset];
}
