/**
 * Start-up under one lock: several server instances on one PostgreSQL may be
 * started at once (systemd starting every unit, an upgrade rolled out). What
 * each does before it listens — migrations, the shipped defaults, the clock
 * repair, the first-run setup code — then runs in one instance at a time: a
 * session-level advisory lock held on one dedicated connection for the whole
 * of `fn`. The others wait and then find the work done (every step is
 * idempotent). SQLite serves one instance and needs no lock.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from './database';

/** The start-up lock's key (Kysely's migration lock, taken inside it, uses another). */
const STARTUP_LOCK = 73_460_015;

export async function withStartupLock<T>(handle: DatabaseHandle, fn: () => Promise<T>): Promise<T> {
  if (handle.storage !== 'postgres') return fn();
  return handle.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(connection);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(connection);
    }
  });
}
