/**
 * Server-wide key/value settings, notably the sync epoch. The epoch is read
 * from the database on every use (never cached) so that all server
 * instances sharing one database agree on it right after a rotation.
 */
import type { Db } from '../db/database';

export function createMetaRepository(db: Db) {
  return {
    async get(key: string): Promise<string | undefined> {
      const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value;
    },

    /** The values of `keys` (absent ones left out), in one query. */
    async getMany(keys: string[]): Promise<Map<string, string>> {
      const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', keys).execute();
      return new Map(rows.map((row) => [row.key, row.value]));
    },

    async set(key: string, value: string): Promise<void> {
      await db
        .insertInto('meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },

    /** Sets `key` only when it has no value yet (of several instances starting at once, the first wins). */
    async insertIfAbsent(key: string, value: string): Promise<void> {
      await db
        .insertInto('meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },

    /** Deletes `key` if it still holds `value`; true when this call deleted it (one caller wins). */
    async take(key: string, value: string): Promise<boolean> {
      const result = await db
        .deleteFrom('meta')
        .where('key', '=', key)
        .where('value', '=', value)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async remove(key: string): Promise<void> {
      await db.deleteFrom('meta').where('key', '=', key).execute();
    },
  };
}

export type MetaRepository = ReturnType<typeof createMetaRepository>;
