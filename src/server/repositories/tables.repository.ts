/**
 * Generic access to every table of the schema, for backup and restore: the
 * list of tables (read from the database's own catalog, so a table added by
 * a later migration is included without touching this file), their
 * columns, primary keys and foreign-key parents, pages of rows in key order,
 * bulk inserts and drops. Kysely's own bookkeeping tables are left out:
 * they describe the schema version, which a backup records by name.
 *
 * Pages use keyset pagination on the primary key, so a dump reads each row
 * once in a stable order however large the table; run it inside one read
 * transaction to get a consistent snapshot.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Storage } from '../db/database';

export interface TableInfo {
  name: string;
  columns: string[];
  /** Primary-key columns in key order; empty when the table has none. */
  primaryKey: string[];
  /** Tables this one references (foreign keys), itself excluded. */
  parents: string[];
}

/** A column value as both dialects hand it over (bytes only in BLOB/BYTEA columns). */
export type CellValue = string | number | null | Uint8Array;

/** Names the application never dumps or drops: the migrator's bookkeeping. */
const INTERNAL = /^(kysely_|sqlite_)/;

/** Each dialect caps the parameters of one statement; stay well under both. */
const MAX_PARAMETERS = 30_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function rows<T>(db: AnyDb, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

async function sqliteTables(db: AnyDb): Promise<TableInfo[]> {
  const names = await rows<{ name: string }>(
    db,
    sql`select name from sqlite_master where type = 'table' order by name`,
  );
  const tables: TableInfo[] = [];
  for (const { name } of names.filter((n) => !INTERNAL.test(n.name))) {
    const columns = await rows<{ name: string; pk: number }>(
      db,
      sql`select name, pk from pragma_table_info(${name}) order by cid`,
    );
    const parents = await rows<{ parent: string }>(
      db,
      sql`select distinct "table" as parent from pragma_foreign_key_list(${name})`,
    );
    tables.push({
      name,
      columns: columns.map((c) => c.name),
      primaryKey: columns
        .filter((c) => Number(c.pk) > 0)
        .sort((a, b) => Number(a.pk) - Number(b.pk))
        .map((c) => c.name),
      parents: parents.map((p) => p.parent).filter((p) => p !== name),
    });
  }
  return tables;
}

async function postgresTables(db: AnyDb): Promise<TableInfo[]> {
  const names = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const tables: TableInfo[] = [];
  for (const { name } of names.filter((n) => !INTERNAL.test(n.name))) {
    const columns = await rows<{ name: string }>(
      db,
      sql`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${name} order by ordinal_position`,
    );
    const primaryKey = await rows<{ name: string }>(
      db,
      sql`select kcu.column_name as name
          from information_schema.table_constraints tc
          join information_schema.key_column_usage kcu
            on kcu.constraint_name = tc.constraint_name and kcu.constraint_schema = tc.constraint_schema
          where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()
            and tc.table_name = ${name}
          order by kcu.ordinal_position`,
    );
    const parents = await rows<{ parent: string }>(
      db,
      sql`select distinct ccu.table_name as parent
          from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu
            on ccu.constraint_name = tc.constraint_name and ccu.constraint_schema = tc.constraint_schema
          where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
            and tc.table_name = ${name}`,
    );
    tables.push({
      name,
      columns: columns.map((c) => c.name),
      primaryKey: primaryKey.map((c) => c.name),
      parents: parents.map((p) => p.parent).filter((p) => p !== name),
    });
  }
  return tables;
}

/** Parents before children (stable by name otherwise), so inserts never break a foreign key. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: TableInfo) => {
    if (state.get(table.name)) return; // done, or a cycle: foreign keys in a cycle cannot be ordered anyway
    state.set(table.name, 'visiting');
    for (const parent of table.parents) {
      const found = byName.get(parent);
      if (found) visit(found);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  [...tables].sort((a, b) => a.name.localeCompare(b.name)).forEach(visit);
  return ordered;
}

const ids = (names: string[]) =>
  sql.join(
    names.map((n) => sql.id(n)),
    sql`, `,
  );

export function createTablesRepository(db: AnyDb, storage: Storage) {
  return {
    /** Every application table, parents before children. */
    async list(): Promise<TableInfo[]> {
      return dependencyOrder(storage === 'sqlite' ? await sqliteTables(db) : await postgresTables(db));
    },

    /** Names of the migrations applied to this database, in order (empty before the first run). */
    async appliedMigrations(): Promise<string[]> {
      const exists =
        storage === 'sqlite'
          ? await rows(
              db,
              sql`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`,
            )
          : await rows(
              db,
              sql`select 1 from information_schema.tables
                  where table_schema = current_schema() and table_name = 'kysely_migration'`,
            );
      if (exists.length === 0) return [];
      const applied = await rows<{ name: string }>(db, sql`select name from kysely_migration order by name`);
      return applied.map((m) => m.name);
    },

    /**
     * The next `limit` rows after `after` (a primary-key tuple; null = from
     * the start), as arrays in `table.columns` order. Without a primary key
     * it falls back to offset paging over every column (`after` = rows seen).
     */
    async page(
      table: TableInfo,
      after: CellValue[] | number | null,
      limit: number,
    ): Promise<Record<string, CellValue>[]> {
      const columns = ids(table.columns);
      if (table.primaryKey.length === 0) {
        const offset = typeof after === 'number' ? after : 0;
        return rows(
          db,
          sql`select ${columns} from ${sql.id(table.name)} order by ${columns} limit ${limit} offset ${offset}`,
        );
      }
      const key = ids(table.primaryKey);
      const where =
        Array.isArray(after) && after.length === table.primaryKey.length
          ? sql`where (${key}) > (${sql.join(after)})`
          : sql``;
      return rows(
        db,
        sql`select ${columns} from ${sql.id(table.name)} ${where} order by ${key} limit ${limit}`,
      );
    },

    async count(table: string): Promise<number> {
      const [row] = await rows<{ n: number | string }>(db, sql`select count(*) as n from ${sql.id(table)}`);
      return Number(row?.n ?? 0);
    },

    /** Inserts rows given as arrays in `columns` order, in as few statements as the dialects allow. */
    async insert(table: string, columns: string[], values: CellValue[][]): Promise<void> {
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
      for (let start = 0; start < values.length; start += perStatement) {
        const chunk = values.slice(start, start + perStatement);
        const tuples = chunk.map((row) => sql`(${sql.join(row)})`);
        await sql`insert into ${sql.id(table)} (${ids(columns)}) values ${sql.join(tuples, sql`, `)}`.execute(
          db,
        );
      }
    },

    async deleteAll(table: string): Promise<void> {
      await sql`delete from ${sql.id(table)}`.execute(db);
    },

    async drop(table: string): Promise<void> {
      await sql`drop table ${sql.id(table)}`.execute(db);
    },
  };
}

export type TablesRepository = ReturnType<typeof createTablesRepository>;
