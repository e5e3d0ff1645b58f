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

    async set(key: string, value: string): Promise<void> {
      await db
        .insertInto('meta')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    },
  };
}

export type MetaRepository = ReturnType<typeof createMetaRepository>;
