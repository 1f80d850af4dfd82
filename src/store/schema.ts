import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables created by the SQL migrations in ./migrations. */
export interface Schema {
  schema_migrations: SchemaMigrationsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  calendar_overrides: CalendarOverridesTable;
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

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  user_id: number | null;
  action: string;
  subject: string | null;
  details: ColumnType<unknown, string | null, string | null>;
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
