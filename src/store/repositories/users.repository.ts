import type { Selectable } from 'kysely';
import type { Role } from '../../domain/auth/role';
import type { UsersTable } from '../schema';
import type { Executor } from './executor';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitId: number;
  active: boolean;
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  unitId: number;
}

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    role: row.role,
    unitId: row.unit_id,
    active: row.active,
  };
}

export class UsersRepository {
  constructor(private readonly db: Executor) {}

  async findById(id: number): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && toUser(row);
  }

  async insert(user: NewUser): Promise<UserRecord> {
    const row = await this.db
      .insertInto('users')
      .values({
        username: user.username,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        role: user.role,
        unit_id: user.unitId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async update(id: number, changes: Partial<Pick<UserRecord, 'displayName' | 'passwordHash' | 'role' | 'unitId' | 'active'>>) {
    await this.db
      .updateTable('users')
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.unitId !== undefined ? { unit_id: changes.unitId } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Accounts bound to any of the given units, ordered by username. */
  async listByUnits(unitIds: number[]): Promise<UserRecord[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.db.selectFrom('users').selectAll().where('unit_id', 'in', unitIds).orderBy('username').execute();
    return rows.map(toUser);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
