import type { Executor } from './executor';

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
  /** Sign-in time: the absolute lifetime counts from it. */
  createdAt: Date;
}

export class SessionsRepository {
  constructor(private readonly db: Executor) {}

  async insert(session: SessionRecord): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: session.id, user_id: session.userId, csrf_token: session.csrfToken, expires_at: session.expiresAt, created_at: session.createdAt })
      .execute();
  }

  async findValid(id: string, now: Date): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst();
    return row && { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: new Date(row.expires_at), createdAt: new Date(row.created_at) };
  }

  async extend(id: string, expiresAt: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteForUser(userId: number): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** Ends every session of a user but one (the one making a change). */
  async deleteForUserExcept(userId: number, keepId: string | null): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepId) query = query.where('id', '!=', keepId);
    await query.execute();
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
