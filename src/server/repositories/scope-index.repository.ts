/**
 * The indexes that say who may read which records, mirrored from the records'
 * own fields when they are written (services/apply-mutation.ts): a process's
 * team members (`process_members`), the units a process covers
 * (`process_units`) and each unit's directorate (`unit_directorates`). Each
 * setter replaces what was there, in the writer's transaction, so an index
 * never disagrees with the record it mirrors.
 */
import type { Db } from '../db/database';

export function createScopeIndexRepository(db: Db) {
  /** Replaces the process's rows in `table` with one row per distinct value. */
  async function replaceProcessRows(
    table: 'process_members' | 'process_units',
    processId: string,
    values: string[],
  ): Promise<void> {
    await db.deleteFrom(table).where('process_id', '=', processId).execute();
    const unique = [...new Set(values)];
    if (unique.length === 0) return;
    if (table === 'process_members')
      await db
        .insertInto(table)
        .values(unique.map((userId) => ({ process_id: processId, user_id: userId })))
        .execute();
    else
      await db
        .insertInto(table)
        .values(unique.map((unitKey) => ({ process_id: processId, unit_key: unitKey })))
        .execute();
  }

  return {
    /** Replaces the members of a process (from its teamUserIds). */
    async setProcessMembers(processId: string, userIds: string[]): Promise<void> {
      await replaceProcessRows('process_members', processId, userIds);
    },

    /** Processes a user is a member of, sorted (stable for scope fingerprints). */
    async processIdsOfMember(userId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('process_members')
        .select('process_id')
        .where('user_id', '=', userId)
        .orderBy('process_id')
        .execute();
      return rows.map((r) => r.process_id);
    },

    /** Users on the team of any of `processIds`. */
    async memberIdsOfProcesses(processIds: string[]): Promise<string[]> {
      if (processIds.length === 0) return [];
      const rows = await db
        .selectFrom('process_members')
        .select('user_id')
        .distinct()
        .where('process_id', 'in', processIds)
        .execute();
      return rows.map((r) => r.user_id);
    },

    /** Mirrors a unit's directorate (null removes it) for directorate scope. */
    async setUnitDirectorate(unitKey: string, directorateId: string | null): Promise<void> {
      await db.deleteFrom('unit_directorates').where('unit_key', '=', unitKey).execute();
      if (directorateId === null) return;
      await db
        .insertInto('unit_directorates')
        .values({ unit_key: unitKey, directorate_id: directorateId })
        .execute();
    },

    /** Replaces the unit keys a process covers (from its unitKeys). */
    async setProcessUnits(processId: string, unitKeys: string[]): Promise<void> {
      await replaceProcessRows('process_units', processId, unitKeys);
    },

    /** Keys of the units assigned to any of the directorates, sorted. */
    async unitKeysInDirectorates(directorateIds: string[]): Promise<string[]> {
      if (directorateIds.length === 0) return [];
      const rows = await db
        .selectFrom('unit_directorates')
        .select('unit_key')
        .where('directorate_id', 'in', directorateIds)
        .orderBy('unit_key')
        .execute();
      return rows.map((r) => r.unit_key);
    },

    /** Processes covering a unit of any of the directorates, sorted (stable for scope fingerprints). */
    async processIdsInDirectorates(directorateIds: string[]): Promise<string[]> {
      if (directorateIds.length === 0) return [];
      const rows = await db
        .selectFrom('process_units as pu')
        .innerJoin('unit_directorates as ud', 'ud.unit_key', 'pu.unit_key')
        .select('pu.process_id')
        .distinct()
        .where('ud.directorate_id', 'in', directorateIds)
        .orderBy('pu.process_id')
        .execute();
      return rows.map((r) => r.process_id);
    },
  };
}
