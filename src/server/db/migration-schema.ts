/**
 * Tables and indexes as the migrations declare them: a table is its columns in
 * order, each in SQL's words, rendered through Kysely's schema builder for
 * whichever dialect runs the migration. The rendering is the builder's own, so
 * a migration written with these helpers issues exactly the statements it
 * issued when it spelled each builder call out.
 */
import type { ColumnBuilderCallback, CreateTableBuilder, Kysely } from 'kysely';

// Migrations must not depend on today's table types, which describe only the latest schema.
export type AnyDb = Kysely<unknown>;

type ColumnType = 'text' | 'integer' | 'bigint';
type Constraint = 'primary key' | 'not null' | 'not null unique';

/**
 * A column: its type, optionally followed by its constraint (no constraint:
 * nullable); or its type and the builder's callback, for references and defaults.
 */
export type Column = ColumnType | `${ColumnType} ${Constraint}` | [ColumnType, ColumnBuilderCallback];

const constraints: Record<Constraint, ColumnBuilderCallback> = {
  'primary key': (c) => c.primaryKey(),
  'not null': (c) => c.notNull(),
  'not null unique': (c) => c.notNull().unique(),
};

function columnParts(column: Column): [ColumnType, ColumnBuilderCallback | undefined] {
  if (Array.isArray(column)) return column;
  const space = column.indexOf(' ');
  if (space < 0) return [column as ColumnType, undefined];
  return [column.slice(0, space) as ColumnType, constraints[column.slice(space + 1) as Constraint]];
}

/**
 * Creates `table` with `columns` in their written order; with `primaryKey`, a
 * composite primary key named `<table>_pk`.
 */
export async function createTable(
  db: AnyDb,
  table: string,
  columns: Record<string, Column>,
  primaryKey?: string[],
): Promise<void> {
  let builder: CreateTableBuilder<string, string> = db.schema.createTable(table);
  for (const [name, column] of Object.entries(columns)) {
    const [type, build] = columnParts(column);
    builder = builder.addColumn(name, type, build);
  }
  if (primaryKey) builder = builder.addPrimaryKeyConstraint(`${table}_pk`, primaryKey);
  await builder.execute();
}

/** Creates an index on `table`'s `columns`, named `<table>_<columns>` unless `name` is given. */
export async function createIndex(
  db: AnyDb,
  table: string,
  columns: string[],
  options: { unique?: boolean; name?: string } = {},
): Promise<void> {
  const builder = db.schema
    .createIndex(options.name ?? `${table}_${columns.join('_')}`)
    .on(table)
    .columns(columns);
  await (options.unique ? builder.unique() : builder).execute();
}
