import { randomUUID } from 'node:crypto';
import { rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { ImportRejectedError } from '../../domain/import/import-issue';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { ImportCancelledError, importDossiers, type ImportDossiersResult } from './import-dossiers';

export interface ImportJob {
  id: string;
  userId: number;
  file: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  rowsRead: number;
  result?: ImportDossiersResult;
  error?: string;
  startedAt: Date;
}

interface Running {
  job: ImportJob;
  abort: AbortController;
  ended: Promise<void>;
}

/**
 * Uploaded imports run in the background so the page can show progress; a job lives in memory
 * for an hour after it ends (its lasting record is the import run in the store). A job owns its
 * upload folder and removes it when it ends, however it ends.
 */
export class ImportJobs {
  readonly #jobs = new Map<string, ImportJob>();
  readonly #running = new Map<string, Running>();

  /** Where uploads are written before a job reads them (default: the system's temporary folder). */
  constructor(readonly uploadDir: string = tmpdir()) {}

  start(store: Store, actor: SessionUser, input: { path: string; dir?: string; fileName: string; source: string }): ImportJob {
    const job: ImportJob = { id: randomUUID(), userId: actor.id, file: input.fileName, state: 'running', rowsRead: 0, startedAt: new Date() };
    const abort = new AbortController();
    this.#jobs.set(job.id, job);
    const ended = importDossiers(store, { path: input.path, fileName: input.fileName, source: input.source, actor, signal: abort.signal, onProgress: (rows) => (job.rowsRead = rows) })
      .then((result) => {
        job.result = result;
        job.state = 'done';
      })
      .catch((error: unknown) => {
        if (error instanceof ImportCancelledError) {
          job.state = 'cancelled';
          job.error = error.message;
          return;
        }
        job.state = 'failed';
        job.error = error instanceof ImportRejectedError || error instanceof Error ? error.message : String(error);
      })
      .finally(async () => {
        await rm(input.path, { force: true }).catch(() => undefined);
        if (input.dir) await rmdir(input.dir).catch(() => undefined);
        this.#running.delete(job.id);
        setTimeout(() => this.#jobs.delete(job.id), 3600_000).unref();
      });
    this.#running.set(job.id, { job, abort, ended });
    return job;
  }

  /** A job as its owner sees it; other users get nothing. */
  get(id: string, userId: number): ImportJob | undefined {
    const job = this.#jobs.get(id);
    return job && job.userId === userId ? job : undefined;
  }

  /** Asks a running job of this user to stop after its current chunk (an ended job is returned as it is). */
  cancel(id: string, userId: number): ImportJob | undefined {
    const job = this.get(id, userId);
    if (job) this.#running.get(id)?.abort.abort();
    return job;
  }

  /** Resolves when every running job has ended and removed its upload (server shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.#running.values()].map((r) => r.ended));
  }

  /** Server shutdown: running jobs are cancelled (nothing of their files is stored) and their uploads removed. */
  async close(): Promise<void> {
    for (const running of this.#running.values()) running.abort.abort();
    await this.drain();
  }
}
