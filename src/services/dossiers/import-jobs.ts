import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { ImportRejectedError } from '../../domain/import/import-issue';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { importDossiers, type ImportDossiersResult } from './import-dossiers';

export interface ImportJob {
  id: string;
  userId: number;
  file: string;
  state: 'running' | 'done' | 'failed';
  rowsRead: number;
  result?: ImportDossiersResult;
  error?: string;
  startedAt: Date;
}

/**
 * Uploaded imports run in the background so the page can show progress; a job lives in memory
 * for an hour after it ends (its lasting record is the import run in the store).
 */
export class ImportJobs {
  readonly #jobs = new Map<string, ImportJob>();

  start(store: Store, actor: SessionUser, input: { path: string; fileName: string; source: string }): ImportJob {
    const job: ImportJob = { id: randomUUID(), userId: actor.id, file: input.fileName, state: 'running', rowsRead: 0, startedAt: new Date() };
    this.#jobs.set(job.id, job);
    void importDossiers(store, { ...input, actor, onProgress: (rows) => (job.rowsRead = rows) })
      .then((result) => {
        job.result = result;
        job.state = 'done';
      })
      .catch((error: unknown) => {
        job.state = 'failed';
        job.error = error instanceof ImportRejectedError || error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        void rm(input.path, { force: true });
        setTimeout(() => this.#jobs.delete(job.id), 3600_000).unref();
      });
    return job;
  }

  /** A job as its owner sees it; other users get nothing. */
  get(id: string, userId: number): ImportJob | undefined {
    const job = this.#jobs.get(id);
    return job && job.userId === userId ? job : undefined;
  }

  /** Resolves when every running job has ended (server shutdown, tests). */
  async drain(): Promise<void> {
    while ([...this.#jobs.values()].some((job) => job.state === 'running')) await new Promise((r) => setTimeout(r, 20));
  }
}
