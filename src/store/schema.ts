import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables created by the SQL migrations in ./migrations. */
export interface Schema {
  schema_migrations: SchemaMigrationsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  calendar_overrides: CalendarOverridesTable;
  procedures: ProceduresTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_facts: DossierFactsTable;
  dossier_unit_facts: DossierUnitFactsTable;
  import_sources: ImportSourcesTable;
  import_runs: ImportRunsTable;
  reports: ReportsTable;
  report_values: ReportValuesTable;
  report_revisions: ReportRevisionsTable;
  report_justifications: ReportJustificationsTable;
  report_documents: ReportDocumentsTable;
  report_events: ReportEventsTable;
  reporting_obligations: ReportingObligationsTable;
  unit_procedures: UnitProceduresTable;
  register_entries: RegisterEntriesTable;
  unit_data_revisions: UnitDataRevisionsTable;
  report_data_checks: ReportDataChecksTable;
}

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_search: string;
  level: 'province' | 'district' | 'commune';
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: 'officer' | 'reviewer' | 'admin';
  unit_id: number;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface LoginFailuresTable {
  key: string;
  at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export type AuditOutcome = 'ok' | 'refused' | 'rejected' | 'failed';
export type AuditChannel = 'web' | 'cli' | 'system';

/** Append-only (a trigger refuses UPDATE and DELETE); names are copied as they were on insert. */
export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  user_id: number | null;
  action: string;
  subject: string | null;
  details: ColumnType<unknown, string | null, string | null>;
  outcome: Generated<AuditOutcome>;
  channel: Generated<AuditChannel>;
  status: number | null;
  unit_id: Generated<number | null>;
  unit_code: Generated<string | null>;
  unit_name: Generated<string | null>;
  actor_username: Generated<string | null>;
  actor_name: Generated<string | null>;
  actor_role: Generated<string | null>;
  actor_unit_id: Generated<number | null>;
  actor_unit_code: Generated<string | null>;
  actor_unit_name: Generated<string | null>;
  method: string | null;
  route: string | null;
  request_id: string | null;
  ip: string | null;
}

export interface CalendarOverridesTable {
  id: Generated<number>;
  day: string;
  kind: 'holiday' | 'day_off' | 'swapped_day_off' | 'makeup_workday' | 'workday';
  reason: string;
  legal_ref: string | null;
  province_code: string;
  unit_code: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProceduresTable {
  id: Generated<number>;
  code: string;
  name: string;
  field: string;
  level: string;
  online_mode: 'full' | 'partial' | 'none';
  statutory_days: number;
  has_fee: boolean;
  interconnected: boolean;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DossiersTable {
  id: Generated<number>;
  source: string;
  code: string;
  unit_id: number;
  procedure_id: number;
  channel: 'direct' | 'online' | 'postal';
  online_mode: 'full' | 'partial' | 'none';
  state: 'processing' | 'awaiting_supplement' | 'paused' | 'resolved' | 'delivered' | 'returned' | 'withdrawn';
  received_at: Timestamp;
  received_day: string;
  due_at: Timestamp | null;
  due_day: string | null;
  due_from_source: boolean;
  result_at: Timestamp | null;
  delivered_at: Timestamp | null;
  finish_day: string | null;
  digitized_input: boolean;
  digitized_output: boolean;
  has_fee: boolean;
  paid_online: boolean;
  rating: 'very_satisfied' | 'satisfied' | 'unsatisfied' | null;
  open_span: ColumnType<string, never, never>;
  content_hash: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: number;
  at: Timestamp;
  kind: string;
  actor: string;
  note: string | null;
}

interface FactCountColumns {
  received: number;
  received_full_mode: number;
  received_partial_mode: number;
  digitized_input: number;
  with_fee: number;
  paid_online: number;
  resolved_early: number;
  resolved_on_time: number;
  resolved_late: number;
  digitized_output: number;
  returned: number;
  withdrawn: number;
  rating_very_satisfied: number;
  rating_satisfied: number;
  rating_unsatisfied: number;
}

export interface DossierFactsTable extends FactCountColumns {
  unit_id: number;
  day: string;
  procedure_id: number;
  channel: string;
}

export interface DossierUnitFactsTable extends FactCountColumns {
  unit_id: number;
  day: string;
  channel: string;
}

export interface ImportSourcesTable {
  name: string;
  /** The unit the mapping was saved for; null: the installation-wide default. */
  unit_id: number | null;
  column_map: ColumnType<Record<string, string>, string, string>;
  updated_at: Generated<Date>;
}

export interface ImportRunsTable {
  id: Generated<number>;
  source: string;
  file: string;
  user_id: number | null;
  /** The unit the import was made for (the importer's); null: the CLI. */
  unit_id: number | null;
  started_at: Generated<Date>;
  finished_at: Date | null;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  headers: ColumnType<string[], string, string>;
  errors: ColumnType<unknown[], string, string>;
  rejected_rows: ColumnType<unknown[], string, string>;
}

export interface ReportsTable {
  id: Generated<number>;
  unit_id: number;
  template_id: string;
  template_version: string;
  period_id: string;
  window_from: string;
  window_to: string;
  status: Generated<'draft' | 'submitted' | 'approved' | 'returned'>;
  revision: Generated<number>;
  correction: Generated<number>;
  submitted_at: Date | null;
  first_submitted_at: Date | null;
  approved_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReportValuesTable {
  report_id: number;
  row_id: string;
  value: ColumnType<number | string | null, string | null, string | null>;
  provenance: 'computed' | 'entered' | 'overridden';
  computed: ColumnType<number | null, string | null, string | null>;
  reason: string | null;
  parts: ColumnType<{ numerator: number; denominator: number } | null, string | null, string | null>;
}

export interface ReportEventsTable {
  id: Generated<number>;
  report_id: number;
  at: Generated<Date>;
  user_id: number | null;
  /** The actor's name as it was (filled from users on insert). */
  user_name: Generated<string | null>;
  action: 'submit' | 'resubmit' | 'return' | 'approve' | 'reopen';
  from_status: string;
  to_status: string;
  comment: string | null;
  correction: number;
  revision: number;
  snapshot: ColumnType<unknown, string | null, string | null>;
  early_reason: ColumnType<string | null, string | null | undefined, string | null>;
  document: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface ReportingObligationsTable {
  id: Generated<number>;
  unit_id: number;
  template_id: string;
  period_kinds: ColumnType<string[], string, string>;
  deadline_days: number;
  user_id: number | null;
  updated_at: Generated<Date>;
}

export interface ReportRevisionsTable {
  id: Generated<number>;
  report_id: number;
  revision: number;
  at: Generated<Date>;
  user_id: number | null;
  /** The actor's name as it was (filled from users on insert). */
  user_name: Generated<string | null>;
  action: string;
  changes: ColumnType<unknown, string, string>;
}

export interface ReportJustificationsTable {
  report_id: number;
  rule: string;
  row_id: string;
  text: string;
}

export interface ReportDocumentsTable {
  report_id: number;
  meta: ColumnType<unknown, string, string>;
  narrative: ColumnType<unknown, string, string>;
  user_id: number | null;
  updated_at: Generated<Date>;
  /** Raised by one on every save; what an editor sends back to detect a concurrent save. */
  revision: Generated<number>;
}

export interface UnitProceduresTable {
  id: Generated<number>;
  unit_id: number;
  code: string;
  name: string;
  field: string;
  level: 'province' | 'district' | 'commune' | null;
  online_mode: 'full' | 'partial' | 'none';
  valid_from: string;
  valid_to: string | null;
  decision: string;
  flags: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RegisterEntriesTable {
  id: Generated<number>;
  unit_id: number;
  register: 'staff' | 'equipment' | 'documents' | 'activities';
  start_day: string;
  end_day: string | null;
  data: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A unit's data revision, raised by every statement that writes its dossiers (migration 020). */
export interface UnitDataRevisionsTable {
  unit_id: number;
  revision: ColumnType<string | number, number | undefined, number>;
}

/** The subtree revision a report was computed at, and the last comparison of its dossier figures. */
export interface ReportDataChecksTable {
  report_id: number;
  computed_revision: ColumnType<string | number, number, number>;
  checked_revision: ColumnType<string | number | null, number | null | undefined, number | null>;
  changes: ColumnType<unknown, string | undefined, string>;
}
