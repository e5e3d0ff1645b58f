/**
 * Opens the server's database: SQLite (better-sqlite3, one file) by default,
 * PostgreSQL when a URL is given. Both sit behind one Kysely instance so the
 * repositories never know which one they talk to.
 *
 * SQLite runs in WAL mode (readers never block the single writer) with the
 * default synchronous=FULL, because a push is acknowledged only after its
 * commit and must survive a power cut. busy_timeout lets the CLI and the
 * server share the file without "database is locked" failures.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './schema';

export type Storage = 'sqlite' | 'postgres';
export type Db = Kysely<Tables>;

export interface DatabaseHandle {
  db: Db;
  /**
   * Where write transactions run. On PostgreSQL a pool of its own: a push waits for the
   * commit-sequence lock holding its connection, and pulls, sign-ins and other single
   * statements must not queue behind those waits for a connection. On SQLite `db` itself.
   */
  writes: Db;
  storage: Storage;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… → PostgreSQL; null → SQLite at `sqliteFile`. */
  databaseUrl: string | null;
  sqliteFile: string;
}

const PG_INT8_OID = 20;

/** 64-bit integers (seq, counts) as JS numbers: the sequence stays far below 2^53. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8_OID) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

/** Distinct statements kept prepared (multi-row inserts vary with their row count). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 keeping its prepared statements: Kysely's SQLite driver prepares every query
 * anew, which a CPU profile of 200 devices syncing showed as a tenth of the server's busy time.
 * Safe because every statement runs to completion (`all`/`run`) before the next is prepared
 * (nothing streams), and SQLite re-prepares a statement by itself after a schema change.
 */
function withStatementCache(database: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(sql: string): SqliteDatabase.Statement {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last, so the bound drops the one unused longest.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
    close() {
      cache.clear();
      database.close();
    },
  };
}

function openSqlite(file: string): DatabaseHandle {
  mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { db, writes: db, storage: 'sqlite', close: () => db.destroy() };
}

/** Connections per pool (two pools per server: reads and single statements, write transactions). */
const PG_POOL_SIZE = 10;

function postgresPool(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, types: pgTypes, max: PG_POOL_SIZE });
  // An idle connection dropped by the server must not crash the process; the pool reconnects.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  // Nor one dropped while checked out between two statements of a transaction (PostgreSQL
  // restarted, connection killed): pg emits that on the client, where nobody listens. The
  // transaction's next statement fails and rolls back; the pool discards the dead client.
  pool.on('connect', (client) => {
    client.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  });
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

function openPostgres(url: string): DatabaseHandle {
  const db = postgresPool(url);
  const writes = postgresPool(url);
  return {
    db,
    writes,
    storage: 'postgres',
    close: async () => {
      await Promise.all([db.destroy(), writes.destroy()]);
    },
  };
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options.sqliteFile);
}

/** True for a UNIQUE / PRIMARY KEY violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
