import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { backupFileName, defaultBackupDir, ensureDir, pruneBackups } from './backup/backup-files';
import { dumpEmbedded } from './backup/embedded-backup';
import { openDatabase, type Database, type DatabaseConfig, type EngineName } from './database';
import { migrate } from './migrate';
import type { Executor } from './repositories/executor';
import { AuditRepository } from './repositories/audit.repository';
import { CalendarOverridesRepository } from './repositories/calendar-overrides.repository';
import { DashboardStatsRepository } from './repositories/dashboard-stats.repository';
import { DataRevisionsRepository } from './repositories/data-revisions.repository';
import { DossierStatsRepository } from './repositories/dossier-stats.repository';
import { DossiersRepository } from './repositories/dossiers.repository';
import { DossierImportStaging } from './repositories/dossier-import';
import { inBackgroundLane } from './engines/mutex';
import { ImportRunsRepository } from './repositories/import-runs.repository';
import { ProceduresRepository } from './repositories/procedures.repository';
import { ReportDocumentsRepository } from './repositories/report-documents.repository';
import { ReportsRepository } from './repositories/reports.repository';
import { ReportingObligationsRepository } from './repositories/reporting-obligations.repository';
import { SessionsRepository } from './repositories/sessions.repository';
import { UnitListsRepository } from './repositories/unit-lists.repository';
import { LoginFailuresRepository } from './repositories/login-failures.repository';
import { UnitsRepository } from './repositories/units.repository';
import { UsersRepository } from './repositories/users.repository';
import type { Schema } from './schema';

/** The repositories, bound to the database or to one transaction. */
export class Repositories {
  readonly units: UnitsRepository;
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly loginFailures: LoginFailuresRepository;
  readonly audit: AuditRepository;
  readonly calendarOverrides: CalendarOverridesRepository;
  readonly procedures: ProceduresRepository;
  readonly dossiers: DossiersRepository;
  readonly dossierStats: DossierStatsRepository;
  readonly dashboardStats: DashboardStatsRepository;
  readonly importRuns: ImportRunsRepository;
  readonly reports: ReportsRepository;
  readonly reportDocuments: ReportDocumentsRepository;
  readonly obligations: ReportingObligationsRepository;
  readonly unitLists: UnitListsRepository;
  readonly dataRevisions: DataRevisionsRepository;

  constructor(executor: Executor) {
    this.units = new UnitsRepository(executor);
    this.users = new UsersRepository(executor);
    this.sessions = new SessionsRepository(executor);
    this.loginFailures = new LoginFailuresRepository(executor);
    this.audit = new AuditRepository(executor);
    this.calendarOverrides = new CalendarOverridesRepository(executor);
    this.procedures = new ProceduresRepository(executor);
    this.dossiers = new DossiersRepository(executor);
    this.dossierStats = new DossierStatsRepository(executor);
    this.dashboardStats = new DashboardStatsRepository(executor);
    this.importRuns = new ImportRunsRepository(executor);
    this.reports = new ReportsRepository(executor);
    this.reportDocuments = new ReportDocumentsRepository(executor);
    this.obligations = new ReportingObligationsRepository(executor);
    this.unitLists = new UnitListsRepository(executor);
    this.dataRevisions = new DataRevisionsRepository(executor);
  }
}

export interface DossierImportSession {
  staging: DossierImportStaging;
  transaction<T>(work: (repos: Repositories, trx: Kysely<Schema>) => Promise<T>): Promise<T>;
}

/** How many automatic pre-migration backups of an embedded folder are kept. */
export const KEEP_PRE_MIGRATION_BACKUPS = 5;

export class Store extends Repositories {
  constructor(
    readonly database: Database,
    readonly config?: DatabaseConfig,
  ) {
    super(database.db);
  }

  /** The embedded data folder, when the store lives in one. */
  get dataDir(): string | undefined {
    return this.config?.engine === 'pglite' ? this.config.dataDir : undefined;
  }

  /** Where automatic backups of this store go. */
  get backupDir(): string {
    return this.config?.backupDir ?? defaultBackupDir(this.dataDir);
  }

  get engine(): EngineName {
    return this.database.engine;
  }

  get db(): Kysely<Schema> {
    return this.database.db;
  }

  /** Runs work atomically: every repository call inside sees and writes one transaction. */
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.database.db.transaction().execute((trx) => work(new Repositories(trx)));
  }

  /**
   * Runs a dossier import with its own staging area. On PostgreSQL the import holds one pooled
   * connection (its temporary tables live in that session); on the embedded engine its statements
   * run in the background lane, so requests waiting for the one connection go first between them.
   * `transaction` runs the publishing step atomically on that same session.
   */
  withDossierImport<T>(work: (session: DossierImportSession) => Promise<T>): Promise<T> {
    const run = async (db: Kysely<Schema>) => {
      const staging = new DossierImportStaging(db);
      try {
        return await work({ staging, transaction: (fn) => db.transaction().execute((trx) => fn(new Repositories(trx), trx)) });
      } finally {
        // A failure to drop (a closed store) leaves a temporary table that goes with its session.
        await staging.drop().catch(() => undefined);
      }
    };
    return this.engine === 'postgres' ? this.db.connection().execute(run) : inBackgroundLane(() => run(this.db));
  }

  /**
   * Applies pending migrations. On an embedded folder that already holds data, a copy of the folder
   * is saved first (the newest few are kept), so an update that goes wrong can be undone.
   */
  migrate(): Promise<string[]> {
    const dataDir = this.dataDir;
    return migrate(this.database, undefined, {
      beforeApplying: async (_pending, applied) => {
        if (!dataDir || applied === 0) return;
        const dir = ensureDir(this.backupDir);
        writeFileSync(join(dir, backupFileName('truoc-cap-nhat', 'tar.gz')), await dumpEmbedded(this.database), { mode: 0o600 });
        pruneBackups(dir, 'truoc-cap-nhat', KEEP_PRE_MIGRATION_BACKUPS);
      },
    });
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

/** Opens the store and brings its schema up to date. */
export async function openStore(config: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<Store> {
  const store = new Store(await openDatabase(config), config);
  if (options.migrate !== false) await store.migrate();
  return store;
}

/** DATABASE_URL selects a PostgreSQL server; otherwise the embedded engine in CCHC_DATA_DIR or ./data. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { engine: 'postgres', url: env.DATABASE_URL, ...(env.CCHC_BACKUP_DIR ? { backupDir: env.CCHC_BACKUP_DIR } : {}) };
  return { engine: 'pglite', dataDir: env.CCHC_DATA_DIR || './data', ...(env.CCHC_BACKUP_DIR ? { backupDir: env.CCHC_BACKUP_DIR } : {}) };
}
