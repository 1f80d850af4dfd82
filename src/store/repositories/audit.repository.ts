import type { Executor } from './executor';

export interface AuditEntry {
  userId: number | null;
  action: string;
  subject?: string;
  details?: unknown;
}

export class AuditRepository {
  constructor(private readonly db: Executor) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        user_id: entry.userId,
        action: entry.action,
        subject: entry.subject ?? null,
        details: entry.details === undefined ? null : JSON.stringify(entry.details),
      })
      .execute();
  }

  async list(limit = 100) {
    return this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
  }
}
