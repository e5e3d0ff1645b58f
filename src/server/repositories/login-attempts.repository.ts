/**
 * The login throttle's counters and its device-key secret in the database, so
 * that every server instance on one PostgreSQL applies the same limits
 * (services/login-throttle.ts). A reserve runs in one transaction: on
 * PostgreSQL it first takes a transaction-scoped advisory lock per counter key
 * (in a fixed order, so two reserves never deadlock), so parallel attempts on
 * any instance are serialised per key; SQLite has one writer and one
 * connection per process. Rows older than the window are deleted as new
 * attempts come in (best effort: a failed clean-up is retried by the next).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database';

/** One attempt on one counter: failed, or still waiting for its verdict (then it counts as failed). */
export interface Slot {
  id: string;
  key: string;
  at: number;
  pending: boolean;
}

/** Where the slots and the signing secret live (the database in the server; memory in rule tests). */
export interface ThrottleStore {
  /**
   * Atomically (no other reserve of these keys in between, on any instance): reads the keys'
   * slots newer than `cutoff`, oldest first, and asks `decide` how long to wait; when it says 0,
   * stores `add`. Returns the wait.
   */
  reserve(
    keys: string[],
    cutoff: number,
    decide: (slots: Map<string, Slot[]>) => number,
    add: Slot[],
  ): Promise<number>;
  /** Marks slots as settled failures. */
  settle(ids: string[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Removes a key's settled failures (slots still in flight stay). */
  clearSettled(key: string): Promise<void>;
  /** The device keys' signing secret: made once, the same for every instance. */
  secret(): Promise<Buffer>;
}

/** First half of the advisory-lock key: the login throttle's namespace. */
const LOCK_CLASS = 7_346;
const SECRET_KEY = 'device_key_secret';

export function createLoginAttemptsStore({ db, storage }: DatabaseHandle): ThrottleStore {
  return {
    async reserve(keys, cutoff, decide, add) {
      await db
        .deleteFrom('login_attempts')
        .where('at', '<=', cutoff)
        .execute()
        .catch(() => undefined);
      return db.transaction().execute(async (trx) => {
        if (storage === 'postgres') {
          for (const key of [...new Set(keys)].sort()) {
            await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${key}))`.execute(trx);
          }
        }
        const rows = await trx
          .selectFrom('login_attempts')
          .select(['id', 'key', 'at', 'pending'])
          .where('key', 'in', keys)
          .where('at', '>', cutoff)
          .orderBy('at')
          .orderBy('id')
          .execute();
        const slots = new Map<string, Slot[]>(keys.map((k) => [k, []]));
        for (const row of rows) {
          slots
            .get(row.key)!
            .push({ id: row.id, key: row.key, at: Number(row.at), pending: row.pending === 1 });
        }
        const wait = decide(slots);
        if (wait > 0) return wait;
        await trx
          .insertInto('login_attempts')
          .values(add.map((s) => ({ id: s.id, key: s.key, at: s.at, pending: s.pending ? 1 : 0 })))
          .execute();
        return 0;
      });
    },

    async settle(ids) {
      if (ids.length === 0) return;
      await db.updateTable('login_attempts').set({ pending: 0 }).where('id', 'in', ids).execute();
    },

    async remove(ids) {
      if (ids.length === 0) return;
      await db.deleteFrom('login_attempts').where('id', 'in', ids).execute();
    },

    async clearSettled(key) {
      await db.deleteFrom('login_attempts').where('key', '=', key).where('pending', '=', 0).execute();
    },

    async secret() {
      await db
        .insertInto('meta')
        .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64') })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db
        .selectFrom('meta')
        .select('value')
        .where('key', '=', SECRET_KEY)
        .executeTakeFirstOrThrow();
      return Buffer.from(row.value, 'base64');
    },
  };
}
