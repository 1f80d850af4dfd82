import type { Executor } from './executor';

/** Failed sign-ins by throttle key (see migration 040): what the login throttle counts. */
export class LoginFailuresRepository {
  constructor(private readonly db: Executor) {}

  async record(keys: string[], at: Date): Promise<void> {
    if (keys.length === 0) return;
    await this.db.insertInto('login_failures').values(keys.map((key) => ({ key, at }))).execute();
  }

  /** The failures of each key since a time, oldest first (in milliseconds). */
  async since(keys: string[], since: Date): Promise<Map<string, number[]>> {
    const result = new Map<string, number[]>(keys.map((key) => [key, []]));
    if (keys.length === 0) return result;
    const rows = await this.db.selectFrom('login_failures').select(['key', 'at']).where('key', 'in', keys).where('at', '>', since).orderBy('at').execute();
    for (const row of rows) result.get(row.key)?.push(new Date(row.at).getTime());
    return result;
  }

  async clear(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('login_failures').where('key', 'in', keys).execute();
  }

  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom('login_failures').where('at', '<=', before).execute();
  }
}
