/**
 * The schema the migrations build, pinned table by table, column by column and index by index.
 * Shipped migrations must never change what they build (migrations.ts); a change to the schema
 * is a new migration, and then these files change with it, in the same commit, for review.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type TestServer } from './harness';

const backends = await availableBackends();

async function sqliteSchema(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master
    where name not like 'kysely%' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.map((r) => `${r.type} ${r.name}\n${r.sql ?? ''}\n`).join('\n');
}

async function postgresSchema(db: Kysely<unknown>): Promise<string> {
  const columns = await sql<Record<string, string | null>>`
    select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns
    where table_schema = 'public' and table_name not like 'kysely%'
    order by table_name, ordinal_position`.execute(db);
  const constraints = await sql<Record<string, string>>`
    select c.relname as table_name, con.conname as name, pg_get_constraintdef(con.oid) as def
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname not like 'kysely%'
    order by c.relname, con.conname`.execute(db);
  const indexes = await sql<Record<string, string>>`
    select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename not like 'kysely%'
    order by indexname`.execute(db);
  return [
    ...columns.rows.map((r) => Object.values(r).join(' | ')),
    '',
    ...constraints.rows.map((r) => Object.values(r).join(' | ')),
    '',
    ...indexes.rows.map((r) => Object.values(r).join(' | ')),
    '',
  ].join('\n');
}

describe.each(backends)('the schema the migrations build on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(() => server.close());

  it('is the shipped schema', async () => {
    const db = server.db.db as unknown as Kysely<unknown>;
    const schema = backend.name === 'sqlite' ? await sqliteSchema(db) : await postgresSchema(db);
    await expect(schema).toMatchFileSnapshot(`../fixtures/schema/${backend.name}.txt`);
  });
});
