import { sql, type Selectable } from 'kysely';
import { normalizeForSearch } from '../../domain/text/normalize-for-search';
import type { Unit, UnitLevel } from '../../domain/units/unit';
import type { UnitsTable } from '../schema';
import type { Executor } from './executor';

export interface NewUnit {
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

const COLUMNS = ['id', 'code', 'name', 'level', 'parent_id', 'valid_from', 'valid_to'] as const;

function toUnit(row: Pick<Selectable<UnitsTable>, (typeof COLUMNS)[number]>): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

function toRow(unit: NewUnit) {
  return {
    code: unit.code,
    name: unit.name,
    name_search: normalizeForSearch(unit.name),
    level: unit.level,
    parent_id: unit.parentId,
    valid_from: unit.validFrom,
    valid_to: unit.validTo,
  };
}

/** SQL condition "in force on date D" for a units alias. */
function validOn(alias: string, date: string) {
  return sql<boolean>`(${sql.ref(`${alias}.valid_from`)} IS NULL OR ${sql.ref(`${alias}.valid_from`)} <= ${date}::date)
    AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} >= ${date}::date)`;
}

export class UnitsRepository {
  constructor(private readonly db: Executor) {}

  async findById(id: number): Promise<Unit | undefined> {
    const row = await this.db.selectFrom('units').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row && toUnit(row);
  }

  async findByCode(code: string): Promise<Unit[]> {
    const rows = await this.db.selectFrom('units').select(COLUMNS).where('code', '=', code).orderBy('valid_from').execute();
    return rows.map(toUnit);
  }

  async findByCodeOn(code: string, date: string): Promise<Unit | undefined> {
    const row = await this.db
      .selectFrom('units as u')
      .select(COLUMNS.map((c) => `u.${c}` as const))
      .where('u.code', '=', code)
      .where(validOn('u', date))
      .executeTakeFirst();
    return row && toUnit(row);
  }

  async findAllByCodes(codes: string[]): Promise<Unit[]> {
    if (codes.length === 0) return [];
    const rows = await this.db.selectFrom('units').select(COLUMNS).where('code', 'in', codes).execute();
    return rows.map(toUnit);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(unit: NewUnit): Promise<number> {
    const [id] = await this.insertMany([unit]);
    return id!;
  }

  async insertMany(units: NewUnit[]): Promise<number[]> {
    if (units.length === 0) return [];
    const rows = await this.db.insertInto('units').values(units.map(toRow)).returning('id').execute();
    return rows.map((row) => row.id);
  }

  async update(id: number, unit: Omit<NewUnit, 'code' | 'validFrom'>): Promise<void> {
    await this.db
      .updateTable('units')
      .set({
        name: unit.name,
        name_search: normalizeForSearch(unit.name),
        level: unit.level,
        parent_id: unit.parentId,
        valid_to: unit.validTo,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Direct children, optionally only those in force on a date, ordered by code. */
  async children(parentId: number, asOf?: string): Promise<Unit[]> {
    let query = this.db.selectFrom('units as u').select(COLUMNS.map((c) => `u.${c}` as const)).where('u.parent_id', '=', parentId);
    if (asOf) query = query.where(validOn('u', asOf));
    return (await query.orderBy('u.code').execute()).map(toUnit);
  }

  /** Top-level units (provinces), optionally only those in force on a date. */
  async roots(asOf?: string): Promise<Unit[]> {
    let query = this.db.selectFrom('units as u').select(COLUMNS.map((c) => `u.${c}` as const)).where('u.parent_id', 'is', null);
    if (asOf) query = query.where(validOn('u', asOf));
    return (await query.orderBy('u.code').execute()).map(toUnit);
  }

  /** The unit and everything below it, parents before children. */
  async subtree(rootId: number, asOf?: string): Promise<Unit[]> {
    const filter = asOf ? sql`WHERE ${validOn('s', asOf)}` : sql``;
    const result = await sql<Selectable<UnitsTable> & { depth: number }>`
      WITH RECURSIVE s AS (
        SELECT u.*, 0 AS depth FROM units u WHERE u.id = ${rootId}
        UNION ALL
        SELECT c.*, s.depth + 1 FROM units c JOIN s ON c.parent_id = s.id
      )
      SELECT * FROM s ${filter} ORDER BY depth, code`.execute(this.db);
    return result.rows.map(toUnit);
  }

  /** Ids of the unit and all its descendants: the scope of a reviewer. */
  async subtreeIds(rootId: number): Promise<Set<number>> {
    const result = await sql<{ id: number }>`
      WITH RECURSIVE s AS (
        SELECT id FROM units WHERE id = ${rootId}
        UNION ALL
        SELECT c.id FROM units c JOIN s ON c.parent_id = s.id
      )
      SELECT id FROM s`.execute(this.db);
    return new Set(result.rows.map((row) => row.id));
  }

  async isInSubtree(rootId: number, unitId: number): Promise<boolean> {
    const result = await sql<{ found: boolean }>`
      WITH RECURSIVE a AS (
        SELECT id, parent_id FROM units WHERE id = ${unitId}
        UNION ALL
        SELECT p.id, p.parent_id FROM units p JOIN a ON p.id = a.parent_id
      )
      SELECT EXISTS (SELECT 1 FROM a WHERE id = ${rootId}) AS found`.execute(this.db);
    return result.rows[0]?.found === true;
  }

  /** Parents up to the root, nearest first. */
  async ancestors(unitId: number): Promise<Unit[]> {
    const result = await sql<Selectable<UnitsTable> & { depth: number }>`
      WITH RECURSIVE a AS (
        SELECT p.*, 1 AS depth FROM units p JOIN units u ON p.id = u.parent_id WHERE u.id = ${unitId}
        UNION ALL
        SELECT p.*, a.depth + 1 FROM units p JOIN a ON p.id = a.parent_id
      )
      SELECT * FROM a ORDER BY depth`.execute(this.db);
    return result.rows.map(toUnit);
  }

  /** Name search on the folded name (no diacritics), within an optional subtree and date. */
  async search(options: { folded: string; asOf?: string; withinId?: number; limit: number }): Promise<Unit[]> {
    const pattern = `%${options.folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const scope = options.withinId
      ? sql`u.id IN (WITH RECURSIVE s AS (SELECT id FROM units WHERE id = ${options.withinId}
          UNION ALL SELECT c.id FROM units c JOIN s ON c.parent_id = s.id) SELECT id FROM s)`
      : sql`TRUE`;
    const date = options.asOf ? validOn('u', options.asOf) : sql`TRUE`;
    const result = await sql<Selectable<UnitsTable>>`
      SELECT u.* FROM units u
      WHERE u.name_search LIKE ${pattern} AND ${scope} AND ${date}
      ORDER BY u.level = 'commune', u.level = 'district', u.name_search, u.code
      LIMIT ${options.limit}`.execute(this.db);
    return result.rows.map(toUnit);
  }

  /** Number of direct children of each unit in a list (for tree expanders). */
  async childCounts(ids: number[], asOf?: string): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    let query = this.db
      .selectFrom('units as u')
      .select(['u.parent_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('u.parent_id', 'in', ids)
      .groupBy('u.parent_id');
    if (asOf) query = query.where(validOn('u', asOf));
    const rows = await query.execute();
    return new Map(rows.map((row) => [row.parent_id!, Number(row.n)]));
  }
}
